package io.cuadra.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * The run command's mail server when none is configured: a local SMTP server (GreenMail) on
 * {@code CUADRA_MAIL_PORT} that accepts every message and writes it, as received, to an {@code .eml}
 * file under {@code var/mail} (any mail client opens it). Password reset links arrive there.
 */
final class MailSink implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail smtp;
    private final Path dir;
    private final Set<String> written = new HashSet<>();
    private final Thread writer;
    private volatile boolean running = true;
    private int count;

    private MailSink(int port, Path dir) {
        this.dir = dir;
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.writer = new Thread(this::writeArrivals, "cuadra-mail-sink");
        writer.setDaemon(true);
    }

    static MailSink start(int port, Path dir) throws IOException {
        Files.createDirectories(dir);
        MailSink sink = new MailSink(port, dir);
        sink.smtp.start();
        sink.writer.start();
        return sink;
    }

    Path dir() {
        return dir;
    }

    private void writeArrivals() {
        while (running) {
            smtp.waitForIncomingEmail(1_000, written.size() + 1);
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (written.add(keyOf(message))) {
                    write(message);
                }
            }
        }
    }

    private static String keyOf(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id != null ? id : "object:" + System.identityHashCode(message);
        } catch (MessagingException e) {
            return "object:" + System.identityHashCode(message);
        }
    }

    private void write(MimeMessage message) {
        Path file = dir.resolve(LocalDateTime.now().format(STAMP) + "-" + (++count) + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
            System.out.println("[cuadra] mail to " + String.join(", ", recipients(message)) + " \"" + message.getSubject()
                    + "\" -> " + file);
        } catch (IOException | MessagingException e) {
            System.err.println("[cuadra] could not keep a received mail: " + e.getMessage());
        }
    }

    private static String[] recipients(MimeMessage message) throws MessagingException {
        var all = message.getAllRecipients();
        if (all == null) {
            return new String[0];
        }
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].toString();
        }
        return names;
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        smtp.stop();
    }
}
