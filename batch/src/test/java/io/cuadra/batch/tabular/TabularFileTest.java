package io.cuadra.batch.tabular;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularFileTest {

    @Test
    void csvWithBomQuotesAndLineBreaksInsideCells() throws IOException {
        String csv = "\uFEFFcode,name,notes\r\nA-1,\"Tubo, lila\",\"dice \"\"hola\"\"\"\r\n\r\nB-2,Frasco,\"dos\nlíneas\"\r\nC-3,Último,\n";
        try (TabularFile file = TabularFile.open(csv.getBytes(StandardCharsets.UTF_8), TabularFormat.CSV)) {
            assertThat(file.header()).containsExactly("code", "name", "notes");
            List<TabularRow> rows = all(file);
            assertThat(rows).extracting(TabularRow::number).containsExactly(2, 4, 5); // a quoted line break stays inside its row, as in a spreadsheet
            assertThat(rows.get(0).cells()).containsExactly("A-1", "Tubo, lila", "dice \"hola\"");
            assertThat(rows.get(1).cell(2)).isEqualTo("dos\nlíneas");
            assertThat(rows.get(2).cell(1)).isEqualTo("Último");
            assertThat(rows.get(2).cell(2)).isNull();
        }
    }

    @Test
    void excelSpanishCsvUsesSemicolonsAndWindows1252() throws IOException {
        byte[] bytes = "documentNumber;firstName\r\n45871236;María\r\n".getBytes(Charset.forName("windows-1252"));
        try (TabularFile file = TabularFile.open(bytes, TabularFormat.CSV)) {
            assertThat(file.header()).containsExactly("documentNumber", "firstName");
            assertThat(file.next().cells()).containsExactly("45871236", "María");
            assertThat(file.next()).isNull();
        }
    }

    @Test
    void anUnclosedQuoteSaysWhere() throws IOException {
        try (TabularFile file = TabularFile.open("a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8),
                TabularFormat.CSV)) {
            assertThatThrownBy(file::next).hasMessageContaining("Row 2 opens a quote");
        }
    }

    @Test
    void restartSkipsTheRowsAlreadyDone() throws IOException {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 1; i <= 10; i++) {
            csv.append(i).append('\n');
        }
        try (TabularFile file = TabularFile.open(csv.toString().getBytes(StandardCharsets.UTF_8), TabularFormat.CSV)) {
            file.skipPast(7);
            assertThat(file.next().cell(0)).isEqualTo("7");
            assertThat(file.lastRow()).isEqualTo(8);
        }
    }

    @Test
    void xlsxCellsComeAsTheSpreadsheetShowsThem() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("clientes");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("documentNumber");
            head.createCell(1).setCellValue("firstName");
            head.createCell(2).setCellValue("price");
            head.createCell(3).setCellValue("active");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(45871236d);
            first.createCell(1).setCellValue("María");
            first.createCell(2).setCellValue(12.5);
            first.createCell(3).setCellValue(true);
            sheet.createRow(2); // blank row
            Row third = sheet.createRow(4);
            third.createCell(0).setCellValue("20100070970");
            third.createCell(3).setCellValue(false); // B and C missing
            book.write(out);
            bytes = out.toByteArray();
        }
        try (TabularFile file = TabularFile.open(bytes, TabularFormat.XLSX)) {
            assertThat(file.header()).containsExactly("documentNumber", "firstName", "price", "active");
            TabularRow one = file.next();
            assertThat(one.number()).isEqualTo(2);
            assertThat(one.cells()).containsExactly("45871236", "María", "12.5", "TRUE");
            TabularRow two = file.next();
            assertThat(two.number()).isEqualTo(5);
            assertThat(two.cells()).containsExactly("20100070970", "", "", "FALSE");
            assertThat(file.next()).isNull();
        }
    }

    @Test
    void aCsvNamedXlsxIsRefusedWithAReason() {
        assertThatThrownBy(() -> TabularFile.open("a,b\n".getBytes(StandardCharsets.UTF_8), TabularFormat.XLSX))
                .isInstanceOf(IOException.class).hasMessageContaining("not an XLSX workbook");
    }

    @Test
    void formatsComeFromTheFileName() {
        assertThat(TabularFormat.ofFileName("Clientes 2027.CSV")).isEqualTo(TabularFormat.CSV);
        assertThat(TabularFormat.ofFileName("catalogo.xlsx")).isEqualTo(TabularFormat.XLSX);
        assertThatThrownBy(() -> TabularFormat.ofFileName("viejo.xls")).hasMessageContaining("save the old .xls");
    }

    @Test
    void columnsMatchLooselyAndRefuseUnknownOrMissingOnes() {
        Columns columns = Columns.of(List.of("Document Number", "first_name", "id", ""),
                List.of("documentType", "documentNumber", "firstName"), Set.of("documentNumber"), Set.of("id"));
        TabularRow row = new TabularRow(2, List.of(" 45871236 ", "María", "9"));
        assertThat(columns.get(row, "documentNumber")).isEqualTo("45871236");
        assertThat(columns.get(row, "firstName")).isEqualTo("María");
        assertThat(columns.get(row, "documentType")).isNull();
        assertThatThrownBy(() -> Columns.of(List.of("documento", "firstName", "firstname"),
                List.of("documentNumber", "firstName"), Set.of("documentNumber"), Set.of()))
                .hasMessage("The header lacks the column documentNumber; unknown column documento; repeated column "
                        + "firstname. The columns are: documentNumber, firstName.");
    }

    @Test
    void dateCellsAreDatesAndAProfileChoosesHowCellsAreWritten() throws IOException {
        byte[] content;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("d/m/yy"));
            var sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("Fecha");
            var row = sheet.createRow(3); // rows 2 and 3 left blank
            row.createCell(0).setCellValue(java.time.LocalDate.of(2026, 11, 20));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(1234.5);
            book.write(out);
            content = out.toByteArray();
        }
        try (TabularFile file = TabularFile.open(content, TabularFormat.XLSX)) {
            assertThat(file.next().cells()).containsExactly("2026-11-20", "1234.5");
        }
        CellText bank = new CellText(';', java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"), ',');
        assertThat(TabularFile.allRows(content, TabularFormat.XLSX, bank)).containsExactly(List.of("Fecha"),
                List.of(), List.of(), List.of("20/11/2026", "1234,5"));
        assertThat(TabularFile.allRows("a;b\n\n1,5;x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                TabularFormat.CSV, new CellText(',', bank.dates(), ','))).containsExactly(List.of("a;b"), List.of(),
                List.of("1", "5;x"));
    }

    private static List<TabularRow> all(TabularFile file) throws IOException {
        List<TabularRow> rows = new ArrayList<>();
        for (TabularRow r = file.next(); r != null; r = file.next()) {
            rows.add(r);
        }
        return rows;
    }
}
