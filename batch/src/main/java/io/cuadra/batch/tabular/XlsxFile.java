package io.cuadra.batch.tabular;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an XLSX workbook, streamed with StAX from the sheet's XML, so a sheet of
 * 100,000 rows never becomes 100,000 row objects. Cells come as text: shared and inline strings as
 * written, booleans as TRUE/FALSE, numbers in plain notation (Excel's 4.5871236E7 is 45871236), date-formatted
 * numbers as dates — each as {@link CellText} says.
 */
final class XlsxFile implements TabularFile {

    private final OPCPackage workbook;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final CellText text;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;
    private final List<String> header;
    private int row = 1;

    XlsxFile(byte[] content, CellText text) throws IOException {
        this.text = text;
        try {
            workbook = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(workbook);
            strings = new ReadOnlySharedStringsTable(workbook);
            styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("The workbook has no sheet.");
            }
            sheetStream = sheets.next();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            sheet = factory.createXMLStreamReader(sheetStream);
            TabularRow first = readRow();
            header = first == null ? List.of() : first.cells();
            row = first == null ? 1 : first.number();
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IOException("This is not an XLSX workbook (" + e.getMessage() + ").", e);
        } catch (OpenXML4JException | SAXException | XMLStreamException e) {
            throw new IOException("The workbook cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public TabularRow next() throws IOException {
        try {
            while (true) {
                TabularRow r = readRow();
                if (r == null) {
                    return null;
                }
                row = r.number();
                if (!r.isBlank()) {
                    return r;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("The sheet cannot be read after row " + row + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int lastRow() {
        return row;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            sheetStream.close();
            workbook.revert();
        }
    }

    /** The next {@code <row>} of the sheet, or null after the last. */
    private TabularRow readRow() throws XMLStreamException {
        while (sheet.hasNext()) {
            if (sheet.next() == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                String r = sheet.getAttributeValue(null, "r");
                int number = r == null ? row + 1 : Integer.parseInt(r);
                return new TabularRow(number, cells());
            }
        }
        return null;
    }

    /** The cells of the current row, each at its column (a gap in the row is an empty cell). */
    private List<String> cells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                String type = sheet.getAttributeValue(null, "t");
                String style = sheet.getAttributeValue(null, "s");
                String value = cellValue(type, style);
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(value);
            }
        }
        return cells;
    }

    /** Reads up to the end of the current {@code <c>} and gives its value as text. */
    private String cellValue(String type, String style) throws XMLStreamException {
        StringBuilder v = null;
        StringBuilder inline = null;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = sheet.getLocalName();
                if (name.equals("v")) {
                    v = new StringBuilder(sheet.getElementText());
                } else if (name.equals("t")) {
                    // inline string text (plain or in rich-text runs); <rPh> phonetic runs are skipped below
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(sheet.getElementText());
                } else if (name.equals("rPh")) {
                    skipElement();
                }
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (v == null) {
            return "";
        }
        String raw = v.toString();
        if (type == null || type.equals("n")) {
            return isDate(style) ? dateOf(raw) : text.number(plainNumber(raw));
        }
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "b" -> raw.strip().equals("1") ? "TRUE" : "FALSE";
            default -> raw; // str (formula text), e (error), d (ISO date)
        };
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Whether the cell's style shows its number as a date (the way Excel stores dates). */
    private boolean isDate(String style) {
        if (style == null || styles == null) {
            return false;
        }
        try {
            XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style.strip()));
            return cellStyle != null
                    && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String dateOf(String raw) {
        try {
            double serial = Double.parseDouble(raw.strip());
            return DateUtil.isValidExcelDate(serial) ? text.date(DateUtil.getLocalDateTime(serial)) : raw;
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    static String plainNumber(String raw) {
        try {
            BigDecimal n = new BigDecimal(raw.strip()).stripTrailingZeros();
            return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** "C12" is column 2 (A = 0). */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }
}
