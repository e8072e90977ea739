package io.cuadra.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuadra.lab.infrastructure.Mllp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class MllpTest {

    @Test
    void framesRoundTripAndBytesOutsideAFrameAreSkipped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("noise".getBytes());
        Mllp.write(out, "MSH|^~\\&|A\rPID|1");
        Mllp.write(out, "MSH|^~\\&|B");
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertThat(Mllp.read(in)).isEqualTo("MSH|^~\\&|A\rPID|1");
        assertThat(Mllp.read(in)).isEqualTo("MSH|^~\\&|B");
        assertThat(Mllp.read(in)).isNull();
    }

    @Test
    void aPeerClosingInsideAFrameIsAnError() {
        assertThatThrownBy(() -> Mllp.read(new ByteArrayInputStream(new byte[]{0x0b, 'M', 'S'})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void exchangeWaitsForTheAnswerAndTimesOutOnASilentPeer() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    String got = Mllp.read(s.getInputStream());
                    Mllp.write(s.getOutputStream(), "ACK:" + got);
                    try (Socket silent = server.accept()) {
                        Mllp.read(silent.getInputStream());
                        Thread.sleep(1500);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // test peer
                }
            });
            peer.start();
            assertThat(Mllp.exchange("localhost", server.getLocalPort(), 1000, 2000, "hello")).isEqualTo("ACK:hello");
            assertThatThrownBy(() -> Mllp.exchange("localhost", server.getLocalPort(), 1000, 300, "hello"))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            peer.join();
        }
    }
}
