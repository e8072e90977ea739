package io.cuadra.shared.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    @Test
    void theSameOperationAndBodyGiveTheSameFingerprintAndAnyDifferenceAnother() {
        String a = RequestFingerprint.of("POST /api/orders", "{\"locationId\":1}");
        assertThat(a).hasSize(64).isEqualTo(RequestFingerprint.of("POST /api/orders", "{\"locationId\":1}"));
        assertThat(RequestFingerprint.of("POST /api/orders", "{\"locationId\":2}")).isNotEqualTo(a);
        assertThat(RequestFingerprint.of("POST /api/orders/1/payments", "{\"locationId\":1}")).isNotEqualTo(a);
        // the separator keeps "ab"+"c" apart from "a"+"bc"
        assertThat(RequestFingerprint.of("ab", "c")).isNotEqualTo(RequestFingerprint.of("a", "bc"));
    }
}
