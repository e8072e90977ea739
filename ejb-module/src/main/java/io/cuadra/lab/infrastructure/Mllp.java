package io.cuadra.lab.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The Minimal Lower Layer Protocol (HL7 v2 transport over TCP): each message framed as
 * {@code <VT> message <FS><CR>}. Characters outside the frame are ignored, as the standard asks.
 */
public final class Mllp {

    static final int START = 0x0b;
    static final int END = 0x1c;
    static final int CR = 0x0d;
    /** HL7 v2 messages from laboratory systems are mostly ISO-8859-1; ours hold ASCII plus names with accents. */
    static final Charset CHARSET = StandardCharsets.ISO_8859_1;
    private static final int MAX_MESSAGE = 1 << 20;

    private Mllp() {
    }

    public static void write(OutputStream out, String message) throws IOException {
        out.write(START);
        out.write(message.getBytes(CHARSET));
        out.write(END);
        out.write(CR);
        out.flush();
    }

    /** The next framed message, or null when the peer closed the connection between messages. */
    public static String read(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b == -1) {
                return null;
            }
        } while (b != START);
        ByteArrayOutputStream message = new ByteArrayOutputStream(1024);
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new EOFException("The connection closed inside an MLLP frame");
            }
            if (b == END) {
                int cr = in.read();
                if (cr != CR) {
                    throw new IOException("An MLLP frame must end with <FS><CR>");
                }
                return message.toString(CHARSET);
            }
            if (message.size() >= MAX_MESSAGE) {
                throw new IOException("MLLP message above " + MAX_MESSAGE + " bytes");
            }
            message.write(b);
        }
    }

    /**
     * Sends one message and waits for its acknowledgement on a fresh connection.
     *
     * @throws IOException when the LIS cannot be reached, closes without answering or does not answer in time
     */
    public static String exchange(String host, int port, int connectTimeoutMs, int readTimeoutMs, String message)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket.setSoTimeout(readTimeoutMs);
            write(socket.getOutputStream(), message);
            String answer = read(socket.getInputStream());
            if (answer == null) {
                throw new EOFException("The LIS closed the connection without acknowledging");
            }
            return answer;
        }
    }
}
