package io.cuadra.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void aSealedSecretIsNotPlaintextOpensInItsPlaceAndDiffersEachTime() {
        SecretBox box = new SecretBox("k1", key(1), Map.of());
        String a = box.seal("EAAG-token-123", "notification_settings.whatsapp_token:7");
        String b = box.seal("EAAG-token-123", "notification_settings.whatsapp_token:7");
        assertThat(a).startsWith("enc:v1:k1:").doesNotContain("token-123").isNotEqualTo(b);
        assertThat(box.open(a, "notification_settings.whatsapp_token:7")).isEqualTo("EAAG-token-123");
        assertThatThrownBy(() -> box.open(a, "notification_settings.whatsapp_token:8"))
                .as("copied to another tenant's row").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotationOpensWhatAnOlderKeySealedAndSaysItIsNotCurrent() {
        SecretBox old = new SecretBox("k1", key(1), Map.of());
        String sealedByOld = old.seal("s3cret", "x");
        SecretBox rotated = new SecretBox("k2", key(2), Map.of("k1", key(1)));
        assertThat(rotated.open(sealedByOld, "x")).isEqualTo("s3cret");
        assertThat(rotated.isCurrent(sealedByOld)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal("s3cret", "x"))).isTrue();
        SecretBox forgotten = new SecretBox("k2", key(2), Map.of());
        assertThatThrownBy(() -> forgotten.open(sealedByOld, "x")).hasMessageContaining("'k1'");
        assertThatThrownBy(() -> new SecretBox("k2", key(3), Map.of("k1", key(1))).open(rotated.seal("a", "x"), "x"))
                .as("the wrong key under the right id").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlaintextFromBeforeEncryptionIsReadAsItIsAndNeedsSealing() {
        SecretBox box = new SecretBox("k1", key(1), Map.of());
        assertThat(box.open("legacy-token", "x")).isEqualTo("legacy-token");
        assertThat(box.isCurrent("legacy-token")).isFalse();
        assertThat(box.open(null, "x")).isNull();
    }

    @Test
    void aKeyMustBe256Bits() {
        assertThatThrownBy(() -> new SecretBox("k1", new byte[16], Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox("bad id", key(1), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
