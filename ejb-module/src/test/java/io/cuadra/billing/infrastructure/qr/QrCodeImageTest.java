package io.cuadra.billing.infrastructure.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.domain.SunatQrText;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodeImageTest {

    @Test
    void pngDecodesToTheSunatQrText() throws Exception {
        String text = SunatQrText.of(SampleDocuments.factura(), "qCRtaNCpYi1mtnbz5rVmTBKkpcVNGT2LEkStLKCJ+6w=");

        byte[] png = QrCodeImage.png(text, 3);

        var image = ImageIO.read(new ByteArrayInputStream(png));
        Result result = new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        assertThat(result.getText()).isEqualTo(text);
        int modules = QrCodeImage.modules(text).getWidth();
        assertThat(image.getWidth()).isEqualTo((modules + 2 * QrCodeImage.QUIET_ZONE_MODULES) * 3);
    }

    @Test
    void refusesEmptyText() {
        assertThatThrownBy(() -> QrCodeImage.modules("")).hasMessageContaining("needs some text");
    }
}
