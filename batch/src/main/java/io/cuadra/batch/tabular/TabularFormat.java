package io.cuadra.batch.tabular;

import java.util.Locale;

/** The spreadsheet formats people export from Excel, LibreOffice or another system. */
public enum TabularFormat {
    CSV, XLSX;

    /** The format a file name announces ({@code clientes.csv}, {@code Catalogo 2027.XLSX}). */
    public static TabularFormat ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CSV;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        throw new IllegalArgumentException("Send a .csv or .xlsx file; \"" + fileName + "\" is neither"
                + (name.endsWith(".xls") ? " (save the old .xls workbook as .xlsx)." : "."));
    }
}
