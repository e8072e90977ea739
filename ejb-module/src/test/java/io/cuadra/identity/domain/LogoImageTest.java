package io.cuadra.identity.domain;

import io.cuadra.identity.infrastructure.logo.LogoPrinting;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogoImageTest {

    static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" "
            + "height=\"40\" viewBox=\"0 0 120 40\"><defs><linearGradient id=\"g\"><stop offset=\"0\" "
            + "stop-color=\"#0a6\"/></linearGradient></defs><rect width=\"120\" height=\"40\" fill=\"url(#g)\"/>"
            + "<use href=\"#g\"/></svg>";

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void pngAndJpegAreKnownByTheirContentAndMustDecode() throws Exception {
        assertThat(LogoImage.of(png(30, 10)).kind()).isEqualTo(LogoImage.Kind.PNG);
        assertThat(LogoImage.of(jpeg()).kind()).isEqualTo(LogoImage.Kind.JPEG);
        assertThat(LogoPrinting.of(LogoImage.of(jpeg())).contentType()).isEqualTo("image/jpeg");

        byte[] broken = png(30, 10);
        byte[] truncated = java.util.Arrays.copyOf(broken, 20);
        assertThatThrownBy(() -> LogoPrinting.of(LogoImage.of(truncated))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> LogoPrinting.of(LogoImage.of(png(5000, 2)))).hasMessageContaining("4096");
    }

    @Test
    void whatIsNoImageOrTooLargeIsRefusedWhateverItsName() {
        assertThatThrownBy(() -> LogoImage.of("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("PNG, JPEG or SVG");
        assertThatThrownBy(() -> LogoImage.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> LogoImage.of(new byte[0])).hasMessageContaining("empty");
        byte[] huge = new byte[LogoImage.MAX_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertThatThrownBy(() -> LogoImage.of(huge)).hasMessageContaining("512 KB");
        assertThatThrownBy(() -> LogoImage.of("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an SVG");
    }

    @Test
    void aPlainSvgIsDrawnIntoAPngForThePdfs() throws Exception {
        LogoImage svg = LogoImage.of(SVG.getBytes(StandardCharsets.UTF_8));
        assertThat(svg.kind()).isEqualTo(LogoImage.Kind.SVG);
        LogoPrinting.Printable printable = LogoPrinting.of(svg);
        assertThat(printable.contentType()).isEqualTo("image/png");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(printable.bytes()));
        assertThat(drawn.getWidth()).isEqualTo(600);
        assertThat(drawn.getHeight()).as("proportions kept").isEqualTo(200);
    }

    @Test
    void anSvgThatCouldRunOrFetchAnythingIsRefused() {
        String[] unsafe = {
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">"
                        + "<image x:href=\"http://evil.example/x.png\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div/></foreignObject></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(http://evil.example/a.css);</style></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(http://evil.example/p)\"/></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>"};
        for (String svg : unsafe) {
            assertThatThrownBy(() -> LogoImage.of(svg.getBytes(StandardCharsets.UTF_8))).as(svg)
                    .isInstanceOf(RuleViolation.class).hasMessageStartingWith("logo:");
        }
    }
}
