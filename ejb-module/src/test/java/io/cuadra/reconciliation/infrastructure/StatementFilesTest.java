package io.cuadra.reconciliation.infrastructure;

import io.cuadra.reconciliation.domain.bank.BankProfile;
import io.cuadra.reconciliation.domain.bank.StatementImport;
import io.cuadra.reconciliation.infrastructure.statement.StatementFiles;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV with the bank's separator and quoting, and XLSX cells read as the same text the CSV would carry. */
class StatementFilesTest {

    private static final BankProfile BCP = BankProfile.builder("BCP", "PEN").headerRows(1).date(0, "dd/MM/yyyy")
            .amount(1).separators(',', '.').description(2).reference(3).build();

    @Test
    void csvFieldsMayHoldTheSeparatorQuotesAndLineBreaks() {
        String text = "\uFEFFFecha;Monto;Descripción\r\n20/11/2026;\"1.234,50\";\"ABONO \"\"YAPE\"\"; María\"\n"
                + "21/11/2026;-10,00;\"línea\ndos\"\n\n22/11/2026;5,00;";
        List<List<String>> rows = StatementFiles.rows(false, text.getBytes(StandardCharsets.UTF_8), BCP, ';');
        assertThat(rows).containsExactly(List.of("Fecha", "Monto", "Descripción"),
                List.of("20/11/2026", "1.234,50", "ABONO \"YAPE\"; María"), List.of("21/11/2026", "-10,00", "línea\ndos"),
                List.of(), List.of("22/11/2026", "5,00", ""));
    }

    @Test
    void xlsxDatesAndNumbersAreWrittenTheWayTheProfileReadsThem() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Movimientos");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("d/m/yy"));
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("Fecha");
            head.createCell(1).setCellValue("Importe");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(LocalDate.of(2026, 11, 20));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue(1234.5);
            r.createCell(2).setCellValue("TRANSF. JUAN PEREZ");
            r.createCell(3).setCellValue(123456);
            book.write(out);
            file = out.toByteArray();
        }
        List<List<String>> rows = StatementFiles.rows(true, file, BCP, ',');
        assertThat(rows.get(1)).containsExactly("20/11/2026", "1234,5", "TRANSF. JUAN PEREZ", "123456");
        StatementImport read = StatementImport.read(BCP, "191-1", rows);
        assertThat(read.rejections()).isEmpty();
        assertThat(read.transactions().get(0).amount().amount()).isEqualByComparingTo("1234.50");
        assertThat(read.transactions().get(0).reference()).isEqualTo("123456");
    }

    @Test
    void aBrokenWorkbookIsRefusedWithAReason() {
        assertThatThrownBy(() -> StatementFiles.rows(true, "PK not really".getBytes(StandardCharsets.UTF_8), BCP, ','))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable XLSX");
    }
}
