package io.cuadra.billing.infrastructure.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes for printed documents, made with ZXing. Error correction Q (25 %) survives the smudges and
 * fading of thermal receipts; the quiet zone is the 4 modules the standard asks for.
 */
public final class QrCodeImage {

    public static final int QUIET_ZONE_MODULES = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 0);

    private QrCodeImage() {
    }

    /** The modules without quiet zone, for a renderer that draws them as vector squares. */
    public static BitMatrix modules(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A QR code needs some text.");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code (" + text.length() + " characters).", e);
        }
    }

    /** A black-on-white PNG with {@code pixelsPerModule} pixels per module and the quiet zone around. */
    public static byte[] png(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("At least one pixel per module.");
        }
        BitMatrix matrix = modules(text);
        int side = (matrix.getWidth() + 2 * QUIET_ZONE_MODULES) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            int my = y / pixelsPerModule - QUIET_ZONE_MODULES;
            for (int x = 0; x < side; x++) {
                int mx = x / pixelsPerModule - QUIET_ZONE_MODULES;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG in memory failed", e);
        }
        return out.toByteArray();
    }
}
