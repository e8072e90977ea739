package io.cuadra.reconciliation.infrastructure.statement;

import io.cuadra.batch.tabular.CellText;
import io.cuadra.batch.tabular.TabularFile;
import io.cuadra.batch.tabular.TabularFormat;
import io.cuadra.reconciliation.domain.bank.BankProfile;

import java.io.IOException;
import java.util.List;

/**
 * Turns a statement file into rows of cell texts for {@link io.cuadra.reconciliation.domain.bank.StatementImport},
 * through the batch module's tabular readers (the same as the import jobs'): CSV with the bank's separator;
 * in XLSX, date cells written in the profile's date pattern and number cells in its decimal separator
 * without grouping, so one profile reads a bank's CSV and XLSX exports alike. Row {@code n} of the file is
 * at index {@code n - 1}; a blank row is an empty list, which the import reports as such.
 */
public final class StatementFiles {

    private StatementFiles() {
    }

    public static List<List<String>> rows(boolean xlsx, byte[] content, BankProfile profile, char separator) {
        CellText text = new CellText(separator, profile.dateFormatter(), profile.amountFormat().decimalSeparator());
        try {
            return TabularFile.allRows(content, xlsx ? TabularFormat.XLSX : TabularFormat.CSV, text);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException((xlsx ? "The file is not a readable XLSX workbook: "
                    : "The file is not a readable CSV file: ") + e.getMessage(), e);
        }
    }
}
