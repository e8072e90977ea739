package io.cuadra.billing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Throw-away PKCS#12 keystores made with the JDK's keytool, as a certificate authority would hand one out. */
public final class TestKeystores {

    public static final String ALIAS = "cuadra-firma";

    /** Where a generated keystore lives and how to open it. */
    public record Keystore(Path path, char[] password, String alias) {
    }

    private TestKeystores() {
    }

    /** A valid RSA 2048 key with a self-signed certificate for a year. */
    public static Keystore generate(Path directory, String fileName) {
        return generate(directory, fileName, null, 365);
    }

    /** A certificate that started two years ago and lasted 30 days. */
    public static Keystore generateExpired(Path directory, String fileName) {
        return generate(directory, fileName, "-2y", 30);
    }

    private static Keystore generate(Path directory, String fileName, String startDate, int validityDays) {
        Path path = directory.resolve(fileName);
        String password = "cambia-" + fileName;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt",
                "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=CUADRA DEMO S.A.C., OU=20601234565, O=CUADRA DEMO, L=LIMA, C=PE",
                "-validity", Integer.toString(validityDays),
                "-storetype", "PKCS12",
                "-keystore", path.toString(),
                "-storepass", password,
                "-keypass", password));
        if (startDate != null) {
            command.add("-startdate");
            command.add(startDate);
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
        return new Keystore(path, password.toCharArray(), ALIAS);
    }
}
