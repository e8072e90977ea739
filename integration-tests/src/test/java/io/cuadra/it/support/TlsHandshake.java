package io.cuadra.it.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;

/**
 * Offers a server one TLS version with a hand-written ClientHello and reports what it answers. Written by hand
 * because this JDK refuses to even offer TLS 1.0/1.1 (jdk.tls.disabledAlgorithms): a JSSE client could not show
 * that the server refuses them. The hello carries the ordinary ECDHE/RSA suites of both versions, so only the
 * version decides.
 */
public final class TlsHandshake {

    /** What the server answered: its ServerHello's version, or the alert / closed connection that refused it. */
    public record Answer(boolean serverHello, int version, String description) {
    }

    private TlsHandshake() {
    }

    /** {@code minor}: 2 = TLS 1.1, 3 = TLS 1.2 (offered as the hello's version, no supported_versions extension). */
    public static Answer offer(String host, int port, int minor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello(minor));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException | SocketTimeoutException e) {
                return new Answer(false, 0, "connection closed without an answer");
            }
            in.readUnsignedShort(); // record version
            int length = in.readUnsignedShort();
            byte[] body = new byte[length];
            in.readFully(body);
            if (type == 0x15) {
                return new Answer(false, 0, "alert " + (body.length > 1 ? body[1] & 0xff : -1));
            }
            if (type == 0x16 && body.length >= 6 && body[0] == 0x02) {
                int version = ((body[4] & 0xff) << 8) | (body[5] & 0xff);
                return new Answer(true, version, String.format("ServerHello 0x%04x", version));
            }
            return new Answer(false, 0, "record type " + type);
        }
    }

    static byte[] clientHello(int minor) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(3);
        hello.write(minor);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.writeBytes(random);
        hello.write(0); // no session id
        int[] suites = {0xc02f, 0xc030, 0xc013, 0xc014, 0x009c, 0x002f, 0x0035};
        u16(hello, suites.length * 2);
        for (int s : suites) {
            u16(hello, s);
        }
        hello.write(1);
        hello.write(0); // null compression
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        u16(ext, 0x000a); // supported_groups: x25519, secp256r1, secp384r1
        u16(ext, 8);
        u16(ext, 6);
        u16(ext, 0x001d);
        u16(ext, 0x0017);
        u16(ext, 0x0018);
        u16(ext, 0x000b); // ec_point_formats: uncompressed
        u16(ext, 2);
        ext.write(1);
        ext.write(0);
        u16(ext, 0x000d); // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp256r1_sha256
        u16(ext, 8);
        u16(ext, 6);
        u16(ext, 0x0804);
        u16(ext, 0x0401);
        u16(ext, 0x0403);
        u16(hello, ext.size());
        hello.writeBytes(ext.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(0x01); // ClientHello
        handshake.write(0);
        u16(handshake, hello.size());
        handshake.writeBytes(hello.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        record.write(3);
        record.write(1); // record layer version as every client sends it
        u16(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
