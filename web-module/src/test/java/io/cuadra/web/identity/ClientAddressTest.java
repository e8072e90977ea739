package io.cuadra.web.identity;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of())).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of("10.0.0.2"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        Set<String> proxies = ClientAddress.parse(" 10.0.0.2 , 10.0.0.3,");
        assertThat(proxies).containsExactlyInAnyOrder("10.0.0.2", "10.0.0.3");
        // The client may prepend anything: only what the trusted proxies appended counts.
        assertThat(ClientAddress.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", proxies)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.2", "10.0.0.3", proxies)).isEqualTo("10.0.0.2");
        assertThat(ClientAddress.of("10.0.0.2", null, proxies)).isEqualTo("10.0.0.2");
    }
}
