package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.List;

/**
 * Fonts and cell shapes of one rendering. Built per document because OpenPDF's {@link Font} is mutable;
 * the {@link BaseFont}s behind them are OpenPDF's shared, cached instances.
 *
 * <p>Helvetica in WinAnsi (Cp1252) encoding covers every Spanish and French letter (á é í ó ú ñ ü ç è à
 * œ) and the € sign, and is one of the 14 fonts every viewer has, so nothing is embedded. Text outside
 * Cp1252 (a Polish or Turkish name, say) is passed through {@link #printable(String)} first, because
 * OpenPDF would silently drop those letters.
 */
final class PdfStyle {

    static final Color RULE_GREY = new Color(0x99, 0x99, 0x99);
    static final Color HEADER_FILL = new Color(0xE6, 0xE6, 0xE6);

    /**
     * Lines wrap at spaces only: OpenPDF would otherwise break after a hyphen and print "F001-" and "123"
     * on two lines. A word wider than the column is still cut, by OpenPDF's fallback.
     */
    private static final SplitCharacter AT_SPACES = (start, current, end, chars, chunks) -> chars[current] <= ' ';

    /** Per rendering: a CharsetEncoder is not thread-safe. */
    private final CharsetEncoder winAnsi = Charset.forName("windows-1252").newEncoder();

    final Font small;
    final Font body;
    final Font bodyBold;
    final Font heading;
    final Font title;

    private PdfStyle(float bodySize) {
        BaseFont regular = baseFont(BaseFont.HELVETICA);
        BaseFont bold = baseFont(BaseFont.HELVETICA_BOLD);
        small = new Font(regular, bodySize - 1.5f);
        body = new Font(regular, bodySize);
        bodyBold = new Font(bold, bodySize);
        heading = new Font(bold, bodySize + 2);
        title = new Font(bold, bodySize + 4);
    }

    /** Sizes for an A4 page read at arm's length. */
    static PdfStyle a4() {
        return new PdfStyle(9);
    }

    /** Sizes for an 80 mm thermal roll: small but still legible after fading. */
    static PdfStyle ticket() {
        return new PdfStyle(7.5f);
    }

    /** Text in one font that wraps at spaces only. */
    Phrase phrase(String text, Font font) {
        return new Phrase(new Chunk(printable(text), font).setSplitCharacter(AT_SPACES));
    }

    /**
     * The text as Helvetica/WinAnsi can print it: a letter outside Cp1252 loses its accent ("ő" becomes
     * "o", "ş" becomes "s"), any other becomes "?", so a name is never printed with letters missing
     * without a trace. Unusual spaces become plain spaces.
     */
    String printable(String text) {
        if (winAnsi.canEncode(text)) {
            return text;
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            if (winAnsi.canEncode(character)) {
                printable.append(character);
            } else if (Character.isSpaceChar(codePoint) || Character.isWhitespace(codePoint)) {
                printable.append(' ');
            } else {
                String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                printable.append(!base.isEmpty() && winAnsi.canEncode(base) ? base : "?");
            }
        });
        return printable.toString();
    }

    /** A borderless cell with a little padding, the building block of every block of text. */
    PdfPCell text(String text, Font font, int alignment) {
        return text(phrase(text, font), alignment);
    }

    PdfPCell text(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        // The default leading (1 x font size) lets wrapped lines touch; 1.2 is the usual typographic one.
        cell.setLeading(0, 1.2f);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(1);
        cell.setPaddingBottom(2);
        cell.setPaddingLeft(2);
        cell.setPaddingRight(2);
        return cell;
    }

    PdfPCell left(String text, Font font) {
        return text(text, font, Element.ALIGN_LEFT);
    }

    PdfPCell right(String text, Font font) {
        return text(text, font, Element.ALIGN_RIGHT);
    }

    PdfPCell centered(String text, Font font) {
        return text(text, font, Element.ALIGN_CENTER);
    }

    /** Column header of a lines table: bold on a light grey band. */
    PdfPCell columnHeader(String text, int alignment) {
        PdfPCell cell = text(text, bodyBold, alignment);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** A cell of a lines table: separated from the next line by a thin grey rule. */
    PdfPCell underlined(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE_GREY);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** A full-width cell holding another table, without border or padding of its own. */
    static PdfPCell wrap(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** The logo (if any) above lines left-aligned: the first in the heading font, the others in body. */
    PdfPTable identity(byte[] logoOrNull, List<String> lines) {
        PdfPTable block = table(1);
        Logo.cell(logoOrNull, 170, 60, Element.ALIGN_LEFT).ifPresent(block::addCell);
        for (int i = 0; i < lines.size(); i++) {
            block.addCell(left(lines.get(i), i == 0 ? heading : body));
        }
        return block;
    }

    /** Two blocks side by side over the full width (issuer left, heading right), then some space. */
    static PdfPTable beside(PdfPTable left, PdfPTable right, float leftWidth, float spacingAfter) {
        PdfPTable both = table(leftWidth, 100 - leftWidth);
        both.addCell(wrap(left));
        both.addCell(wrap(right));
        both.setSpacingAfter(spacingAfter);
        return both;
    }

    /** The grand total of a sums table: label and amount in the heading font under a rule. */
    void grandTotal(PdfPTable sums, String label, String amount) {
        for (PdfPCell cell : List.of(right(label, heading), right(amount, heading))) {
            cell.setBorder(Rectangle.TOP);
            sums.addCell(cell);
        }
    }

    /** Blocks kept together at the foot of the lines, e.g. a summary beside the sums, then some space. */
    static PdfPTable footing(float[] widths, PdfPCell... cells) {
        PdfPTable footing = table(widths);
        for (PdfPCell cell : cells) {
            footing.addCell(cell);
        }
        footing.setKeepTogether(true);
        footing.setSpacingAfter(16);
        return footing;
    }

    /** A table that fills the width of its container. */
    static PdfPTable table(float... relativeWidths) {
        PdfPTable table = new PdfPTable(relativeWidths);
        table.setWidthPercentage(100);
        return table;
    }

    private static BaseFont baseFont(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            // The metrics of the standard fonts ship inside the OpenPDF jar: failing here means a broken jar.
            throw new UncheckedIOException("OpenPDF could not load its built-in font " + name, e);
        }
    }
}
