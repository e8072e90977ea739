package io.cuadra.billing.infrastructure.pdf;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import io.cuadra.billing.infrastructure.qr.QrCodeImage;
import java.awt.Color;

/**
 * A table cell that draws a QR code as vector squares when the table is laid out. Vector modules stay
 * sharp at any printer resolution (a thermal head prints 203 dpi, a raster QR would be resampled) and
 * weigh far less than an image.
 */
final class QrCodeCell implements PdfPCellEvent {

    private final BitMatrix modules;
    private final float side;

    private QrCodeCell(BitMatrix modules, float side) {
        this.modules = modules;
        this.side = side;
    }

    /** A cell exactly {@code side} points high whose centre holds the QR of {@code text}, quiet zone included. */
    static PdfPCell of(String text, float side) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setFixedHeight(side);
        cell.setCellEvent(new QrCodeCell(QrCodeImage.modules(text), side));
        return cell;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
        int count = modules.getWidth();
        float module = side / (count + 2 * QrCodeImage.QUIET_ZONE_MODULES);
        float left = position.getLeft() + (position.getWidth() - side) / 2 + QrCodeImage.QUIET_ZONE_MODULES * module;
        float top = position.getTop() - QrCodeImage.QUIET_ZONE_MODULES * module;
        PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
        canvas.saveState();
        canvas.setColorFill(Color.BLACK);
        for (int y = 0; y < count; y++) {
            int x = 0;
            while (x < count) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                // One rectangle per horizontal run of dark modules: fewer operators, no hairline seams.
                int start = x;
                while (x < count && modules.get(x, y)) {
                    x++;
                }
                canvas.rectangle(left + start * module, top - (y + 1) * module, (x - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
