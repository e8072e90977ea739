package io.cuadra.billing.infrastructure.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A company logo made on the fly: a coloured band with a disc, as PNG bytes of a chosen size. */
final class TestLogo {

    private TestLogo() {
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xC8, 0x6B, 0x1E));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.fillOval(height / 8, height / 8, height * 3 / 4, height * 3 / 4);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
