package io.cuadra.identity.infrastructure.logo;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.attributes.ViewBox;
import com.github.weisj.jsvg.geometry.size.FloatSize;
import com.github.weisj.jsvg.parser.SVGLoader;
import io.cuadra.identity.domain.LogoImage;
import io.cuadra.shared.domain.RuleViolation;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a checked logo into what the PDFs print. PNG and JPEG must decode (a file with the right first
 * bytes and a broken body is refused now, not when an invoice is printed); an SVG is drawn once into a
 * PNG, because the PDF library reads only bitmaps. JSVG runs no script and, from a stream, loads nothing
 * outside the file — and {@link LogoImage} refused any such content before.
 */
public final class LogoPrinting {

    /** Large enough to print sharp in a 170 x 60 pt box; larger pictures are refused, not scaled. */
    static final int MAX_SIDE = 4096;
    static final int SVG_WIDTH = 600;

    private LogoPrinting() {
    }

    /** The bytes to store and print with their content type. */
    public record Printable(byte[] bytes, String contentType) {
    }

    public static Printable of(LogoImage logo) {
        if (logo.kind() == LogoImage.Kind.SVG) {
            return new Printable(rasterize(logo.bytes()), LogoImage.Kind.PNG.contentType);
        }
        BufferedImage image = decode(logo.bytes());
        if (image == null) {
            throw new RuleViolation("logo: the " + logo.kind() + " file is damaged and cannot be read.").withKey("identity.fileDamagedCannot", logo.kind());
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            throw new RuleViolation("logo: at most " + MAX_SIDE + " x " + MAX_SIDE + " pixels; this one is "
                    + image.getWidth() + " x " + image.getHeight() + ".").withKey("identity.mostXPixels", MAX_SIDE, image.getWidth(), image.getHeight());
        }
        return new Printable(logo.bytes(), logo.kind().contentType);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] rasterize(byte[] svg) {
        SVGDocument document;
        try {
            document = new SVGLoader().load(new ByteArrayInputStream(svg));
        } catch (RuntimeException e) {
            document = null;
        }
        if (document == null) {
            throw new RuleViolation("logo: the SVG cannot be drawn.").withKey("identity.svgCannotDrawn");
        }
        FloatSize size = document.size();
        float ratio = size.width > 0 && size.height > 0 ? size.height / size.width : 1f;
        int width = SVG_WIDTH;
        int height = Math.max(1, Math.min(MAX_SIDE, Math.round(width * ratio)));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            document.render((java.awt.Component) null, g, new ViewBox(0, 0, width, height));
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
