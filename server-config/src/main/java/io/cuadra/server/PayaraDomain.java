package io.cuadra.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Payara Server domain driven through asadmin: unpacked from the distribution zip, created with
 * a port base, configured from {@code cuadra-domain.asadmin}, started, deployed to and stopped.
 * The domain is disposable: whenever the asadmin file or the ports change it is created anew; the
 * data lives in PostgreSQL.
 */
public final class PayaraDomain {

    public static final String DOMAIN_FILE = "cuadra-domain.asadmin";
    private static final String MARKER = "cuadra-provisioned.sha256";

    private final Path payaraHome;
    private final String name;
    private final int portBase;
    private final Map<String, String> environment;
    /** asadmin password file of the {@code admin} user; null: the domain has no admin password (loopback only). */
    private final Path adminPasswordFile;

    public PayaraDomain(Path payaraHome, String name, int portBase, Map<String, String> environment) {
        this(payaraHome, name, portBase, environment, null);
    }

    private PayaraDomain(Path payaraHome, String name, int portBase, Map<String, String> environment,
                         Path adminPasswordFile) {
        this.payaraHome = payaraHome;
        this.name = name;
        this.portBase = portBase;
        this.environment = Map.copyOf(environment);
        this.adminPasswordFile = adminPasswordFile;
    }

    /** The same domain with the {@code admin} user's password in that asadmin password file. */
    public PayaraDomain withAdminPassword(Path passwordFile) {
        return new PayaraDomain(payaraHome, name, portBase, environment, passwordFile);
    }

    /**
     * The overrides that open the admin listener on {@code address}: secure admin (HTTPS, and Payara then refuses
     * anonymous administration) and, on its listeners too, no product or version in the headers.
     */
    public static List<String> secureAdminOn(String address) {
        String protocols = "set configs.config.server-config.network-config.protocols.protocol.";
        return List.of("enable-secure-admin",
                "set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address="
                        + address,
                protocols + "sec-admin-listener.http.xpowered-by=false",
                protocols + "sec-admin-listener.http.server-header=false");
    }

    public String name() {
        return name;
    }

    // --- ops lane: HTTPS ---

    /**
     * The overrides that make the HTTPS listener ({@code http-listener-2}, port base + 81) present this certificate:
     * keystore path (PKCS#12 or JKS: {@code key-store-type} is left unset, Payara accepts only JKS/NSS there and the
     * JDK's JKS keystore reads PKCS#12), its password (keystore and key), the entry's alias. The HTTP → HTTPS
     * redirect is the application's ({@code CUADRA_TLS_REDIRECT}): Payara's own http-redirect protocol stops
     * 6.2025.10 at start (README, "Platform pitfalls").
     */
    public static List<String> httpsOn(Path keystore, String password, String alias) {
        String ssl = "set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.";
        return List.of(ssl + "key-store=" + keystore, ssl + "key-store-password=" + password,
                ssl + "cert-nickname=" + alias);
    }

    public int adminPort() {
        return portBase + 48;
    }

    public int httpPort() {
        return portBase + 80;
    }

    public Path domainDir() {
        return payaraHome.resolve("glassfish/domains").resolve(name);
    }

    public Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /** Unpacks the distribution once; later calls find it in place. */
    public static void unpack(Path zip, Path payaraHome) throws IOException {
        if (Files.isRegularFile(payaraHome.resolve("glassfish/lib/client/appserver-cli.jar"))) {
            return;
        }
        Path target = payaraHome.getParent();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, "payara-unpack");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = staging.resolve(e.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    // bin/ scripts, and lib/nadmin: what the DAS runs to start an instance on a local node
                    if (out.getParent().getFileName().toString().equals("bin") || out.getFileName().toString().startsWith("nadmin")) {
                        Files.setPosixFilePermissions(out, EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                    }
                }
            }
        }
        deleteTree(payaraHome);
        Files.move(staging.resolve("payara6"), payaraHome);
        deleteTree(staging);
    }

    /**
     * Creates and configures the domain unless it already carries the marker of this exact
     * configuration. The JDBC driver jar is copied into the domain's lib/ before its first start.
     * {@code overrides} are asadmin commands applied after the domain file (a test pins its database).
     */
    public boolean provision(Path jdbcDriverJar, List<String> overrides) throws IOException {
        String asadminFile = domainFileText() + "\n# --- overrides of this domain ---\n"
                + String.join("\n", overrides) + "\n";
        String password = adminPasswordFile == null ? "" : Files.readString(adminPasswordFile);
        String fingerprint = sha256(asadminFile + "|" + portBase + "|" + jdbcDriverJar.getFileName() + "|" + sha256(password));
        Path marker = domainDir().resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(fingerprint)) {
            return false;
        }
        deleteTree(domainDir());
        // Instances of an earlier cluster of this domain (cluster profile) go with it.
        deleteTree(payaraHome.resolve("glassfish/nodes/localhost-" + name));
        asadmin("create-domain", "--nopassword=" + (adminPasswordFile == null), "--portbase=" + portBase,
                "--checkports=true", name);
        Files.copy(jdbcDriverJar, domainDir().resolve("lib").resolve(jdbcDriverJar.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Path commands = domainDir().resolve("config").resolve(DOMAIN_FILE);
        Files.writeString(commands, asadminFile);
        start();
        try {
            asadmin("--port=" + adminPort(), "multimode", "--file=" + commands);
        } finally {
            stop();
        }
        Files.writeString(marker, fingerprint);
        return true;
    }

    public void start() throws IOException {
        asadmin("start-domain", name);
    }

    public void stop() throws IOException {
        asadmin("stop-domain", name);
    }

    /** Deploys (or replaces) the application and notes which build it is, for {@link #deployedBuild}. */
    public void deploy(Path ear, String appName) throws IOException {
        asadmin("--port=" + adminPort(), "deploy", "--force=true", "--name=" + appName, ear.toString());
        Files.writeString(deployedMarker(appName), digest(ear));
    }

    public void undeploy(String appName) throws IOException {
        asadmin("--port=" + adminPort(), "undeploy", appName);
        Files.deleteIfExists(deployedMarker(appName));
    }

    /** Whether the build deployed last (and not undeployed since) is this very EAR. */
    public boolean deployedBuild(Path ear, String appName) throws IOException {
        Path marker = deployedMarker(appName);
        return Files.isRegularFile(marker) && Files.readString(marker).equals(digest(ear));
    }

    private Path deployedMarker(String appName) {
        return domainDir().resolve("cuadra-deployed-" + appName + ".sha256");
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs asadmin with the Cuadra environment; fails with asadmin's output when it exits non-zero. */
    public String asadmin(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(payaraHome.resolve("glassfish/lib/client/appserver-cli.jar").toString());
        cmd.add("--interactive=false");
        if (adminPasswordFile != null) {
            cmd.add("--user=admin");
            cmd.add("--passwordfile=" + adminPasswordFile);
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        pb.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IOException("asadmin " + String.join(" ", args) + " failed (" + exit + "):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running asadmin " + args[0], e);
        }
        return output;
    }

    public static String domainFileText() {
        return resourceText(DOMAIN_FILE);
    }

    /** A file of {@code server-config/asadmin}, packaged beside this class. */
    public static String resourceText(String name) {
        try (InputStream in = PayaraDomain.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL driver on this launcher's classpath: the one the domain gets too. */
    public static Path jdbcDriverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
