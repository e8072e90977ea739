package io.cuadra.batch.tabular;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets write it: quoted cells may hold the separator, quotes and line breaks.
 * The separator is the one given, or else the one the header uses most (Excel in Spanish writes ";"), the text UTF-8 (with or
 * without BOM) or else Windows-1252, which is what Excel's plain "CSV" gives on a Windows in Spanish.
 */
final class CsvFile implements TabularFile {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String text;
    private final char separator;
    private final List<String> header;
    private int position;
    private int row;

    CsvFile(byte[] content, Character separator) throws IOException {
        this.text = decode(content);
        this.separator = separator != null ? separator : separatorOf(text);
        List<String> first = record();
        this.header = first == null ? List.of() : first;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public TabularRow next() throws IOException {
        while (true) {
            List<String> cells = record();
            if (cells == null) {
                return null;
            }
            TabularRow r = new TabularRow(row, cells);
            if (!r.isBlank()) {
                return r;
            }
        }
    }

    @Override
    public int lastRow() {
        return row;
    }

    @Override
    public void close() {
        // all in memory
    }

    /** The next record's cells, or null at the end of the text. */
    private List<String> record() throws IOException {
        if (position >= text.length()) {
            return null;
        }
        row++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int startRow = row;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quoted) {
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        cell.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException("Row " + startRow + " opens a quote (\") that is never closed.");
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String decode(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, offset, content.length - offset, WINDOWS_1252);
        }
    }

    /** The separator the first line uses most, outside quotes: comma, semicolon or tab. */
    private static char separatorOf(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
