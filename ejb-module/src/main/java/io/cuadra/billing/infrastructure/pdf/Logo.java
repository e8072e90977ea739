package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import java.io.IOException;
import java.util.Optional;

/** The company logo: optional bytes (PNG, or JPEG/GIF, which OpenPDF reads too) scaled into a box. */
final class Logo {

    private Logo() {
    }

    /**
     * A borderless cell with the logo scaled to fit {@code maxWidth} x {@code maxHeight} keeping its
     * proportions, or empty when there is no logo.
     */
    static Optional<PdfPCell> cell(byte[] logoOrNull, float maxWidth, float maxHeight, int alignment) {
        if (logoOrNull == null) {
            return Optional.empty();
        }
        Image image = read(logoOrNull);
        image.scaleToFit(maxWidth, maxHeight);
        PdfPCell cell = new PdfPCell(image, false);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2);
        return Optional.of(cell);
    }

    private static Image read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("The logo is empty; pass null to print without a logo.");
        }
        try {
            return Image.getInstance(bytes);
        } catch (IOException | RuntimeException e) {
            // OpenPDF 2 reports a bad image with a RuntimeException (BadElementException). A stored logo that
            // no longer decodes must be fixed by whoever uploaded it, not silently printed without.
            throw new IllegalArgumentException("The logo is not a readable PNG or JPEG image (" + bytes.length
                    + " bytes): " + e.getMessage(), e);
        }
    }
}
