package io.cuadra.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs to provision and start Cuadra. Every value comes from an environment
 * variable or the system property of the same name in lower case with dots
 * ({@code CUADRA_PORT_BASE} or {@code -Dcuadra.port.base}); the README's configuration table lists them.
 */
public record ServerSettings(
        Path home,
        Path payaraZip,
        Path ear,
        String domainName,
        int portBase,
        Optional<String> externalDbUrl,
        String dbUser,
        String dbPassword,
        int embeddedDbPort,
        String mailHost,
        int mailPort,
        boolean demoData,
        String adminAddress) {

    /** The embedded server's application role (owns nothing) and owner (its superuser, used only to migrate). */
    public static final String DEV_DB_USER = "cuadra_app";
    public static final String DEV_DB_PASSWORD = "cuadra_app";
    public static final String DEV_DB_OWNER_USER = "postgres";
    public static final String DEV_DB_OWNER_PASSWORD = "postgres";
    /** Where Payara's admin listener answers unless CUADRA_ADMIN_ADDRESS names another interface. */
    public static final String LOOPBACK = "127.0.0.1";

    public static ServerSettings fromEnvironment() {
        // The run command's profile anchors the default at the repository root (cuadra.home.default), so that
        // CUADRA_HOME still wins when it is set.
        Path home = Path.of(value("CUADRA_HOME", System.getProperty("cuadra.home.default", "var"))).toAbsolutePath().normalize();
        int portBase = Integer.parseInt(value("CUADRA_PORT_BASE", "8000"));
        return new ServerSettings(
                home,
                Path.of(required("CUADRA_PAYARA_ZIP")),
                Path.of(required("CUADRA_EAR")),
                value("CUADRA_DOMAIN", "cuadra"),
                portBase,
                Optional.ofNullable(value("CUADRA_DB_URL", null)).filter(s -> !s.isBlank()),
                value("CUADRA_DB_USER", DEV_DB_USER),
                value("CUADRA_DB_PASSWORD", DEV_DB_PASSWORD),
                Integer.parseInt(value("CUADRA_EMBEDDED_DB_PORT", "15432")),
                value("CUADRA_MAIL_HOST", "localhost"),
                Integer.parseInt(value("CUADRA_MAIL_PORT", Integer.toString(portBase + 25))),
                Boolean.parseBoolean(value("CUADRA_DEMO_DATA", "true")),
                value("CUADRA_ADMIN_ADDRESS", LOOPBACK));
    }

    public int httpPort() {
        return portBase + 80;
    }

    public int adminPort() {
        return portBase + 48;
    }

    // --- ops lane: HTTPS (README, "Operations") ---

    /** Payara's HTTPS listener (http-listener-2). */
    public int httpsPort() {
        return portBase + 81;
    }

    /** CUADRA_TLS_KEYSTORE names the HTTPS certificate's keystore; unset, the run command generates a self-signed one. */
    public Optional<Path> tlsKeystore() {
        return Optional.ofNullable(value("CUADRA_TLS_KEYSTORE", null)).map(p -> Path.of(p).toAbsolutePath().normalize());
    }

    /** The keystore's and its key's password (one password for both, as Payara's listener reads them). */
    public String tlsPassword() {
        return tlsKeystore().isPresent() ? value("CUADRA_TLS_PASSWORD", "changeit") : DevKeys.TLS_PASSWORD;
    }

    /** The keystore entry holding the key and certificate chain the listener presents. */
    public String tlsAlias() {
        return tlsKeystore().isPresent() ? value("CUADRA_TLS_ALIAS", "cuadra-tls") : DevKeys.TLS_ALIAS;
    }

    /** CUADRA_TLS_REDIRECT (default true): the HTTP port answers every request with a redirect to HTTPS. */
    public boolean tlsRedirect() {
        return Boolean.parseBoolean(value("CUADRA_TLS_REDIRECT", "true"));
    }

    /** Where people and providers reach Cuadra: CUADRA_PUBLIC_URL, else this machine's HTTPS listener. */
    public String publicUrl() {
        return value("CUADRA_PUBLIC_URL", "https://localhost:" + httpsPort() + "/");
    }

    /** CUADRA_METRICS_TOKEN: the scraper's password for /metrics; unset, the run command generates one. */
    public Optional<String> metricsToken() {
        return Optional.ofNullable(value("CUADRA_METRICS_TOKEN", null));
    }

    /** Whether the admin listener stays on the loopback interface (no password needed: only local users reach it). */
    public boolean adminOnLoopback() {
        try {
            return InetAddress.getByName(adminAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("CUADRA_ADMIN_ADDRESS: unknown address " + adminAddress, e);
        }
    }

    public Path payaraHome() {
        return home.resolve("payara6");
    }

    /** Where development keys are generated when none are configured. */
    public Path keysDir() {
        return home.resolve("keys");
    }

    public Path embeddedDataDir() {
        return home.resolve("pgdata");
    }

    /**
     * Backups of the embedded database (CUADRA_BACKUPS, default on): WAL archived continuously and a base backup
     * every day at CUADRA_BACKUP_AT (server time, default 03:00), kept CUADRA_BACKUP_RETENTION_DAYS (default 30)
     * in CUADRA_BACKUP_DIR (default {@code <home>/backups}). An external database is the operator's to back up.
     */
    public boolean backupsWanted() {
        return externalDbUrl.isEmpty() && Boolean.parseBoolean(value("CUADRA_BACKUPS", "true"));
    }

    public Path backupDir() {
        return Path.of(value("CUADRA_BACKUP_DIR", home.resolve("backups").toString())).toAbsolutePath().normalize();
    }

    public java.time.LocalTime backupAt() {
        return java.time.LocalTime.parse(value("CUADRA_BACKUP_AT", "03:00"));
    }

    public java.time.Duration backupRetention() {
        return java.time.Duration.ofDays(Long.parseLong(value("CUADRA_BACKUP_RETENTION_DAYS", "30")));
    }

    /** The environment the Payara process gets: the asadmin file refers to these by {@code ${ENV=...}}. */
    public Map<String, String> serverEnvironment(String dbUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CUADRA_DB_URL", dbUrl);
        env.put("CUADRA_DB_USER", dbUser);
        env.put("CUADRA_DB_PASSWORD", dbPassword);
        // Migrations run as the owner: the embedded server's superuser, or whoever the operator names.
        if (externalDbUrl.isEmpty()) {
            env.put("CUADRA_DB_OWNER_USER", value("CUADRA_DB_OWNER_USER", DEV_DB_OWNER_USER));
            env.put("CUADRA_DB_OWNER_PASSWORD", value("CUADRA_DB_OWNER_PASSWORD", DEV_DB_OWNER_PASSWORD));
        } else {
            putIfSet(env, "CUADRA_DB_OWNER_USER");
            putIfSet(env, "CUADRA_DB_OWNER_PASSWORD");
        }
        env.put("CUADRA_MAIL_HOST", mailHost);
        env.put("CUADRA_MAIL_PORT", Integer.toString(mailPort));
        env.put("CUADRA_DEMO_DATA", Boolean.toString(demoData));
        // reports: a few months of past sales in the demo tenant, so the run command's charts mean something
        env.put("CUADRA_DEMO_HISTORY_DAYS", value("CUADRA_DEMO_HISTORY_DAYS", "90"));
        env.put("CUADRA_PUBLIC_URL", publicUrl()); // ops lane: HTTPS, and plain HTTP redirected there
        env.put("CUADRA_TLS_REDIRECT", Boolean.toString(tlsRedirect()));
        // The plain listener, where the application reads Payara's generated OpenAPI document from itself
        // (a request that arrived over HTTPS does not say it).
        env.put("CUADRA_HTTP_PORT", Integer.toString(httpPort()));
        String privateKey = value("CUADRA_JWT_PRIVATE_KEY", null);
        String publicKey = value("CUADRA_JWT_PUBLIC_KEY", null);
        if (privateKey == null || publicKey == null) {
            privateKey = keysDir().resolve(DevKeys.JWT_PRIVATE).toString();
            publicKey = keysDir().resolve(DevKeys.JWT_PUBLIC).toString();
        }
        env.put("CUADRA_JWT_PRIVATE_KEY", privateKey);
        env.put("CUADRA_JWT_PUBLIC_KEY", publicKey);
        // SUNAT: a configured certificate and billService, or the development certificate and the simulator.
        if (signingKeystoreConfigured()) {
            env.put("CUADRA_SIGNING_KEYSTORE", value("CUADRA_SIGNING_KEYSTORE", null));
            putIfSet(env, "CUADRA_SIGNING_PASSWORD");
            putIfSet(env, "CUADRA_SIGNING_ALIAS");
        } else {
            env.put("CUADRA_SIGNING_KEYSTORE", keysDir().resolve(DevKeys.SIGNING_KEYSTORE).toString());
            env.put("CUADRA_SIGNING_PASSWORD", DevKeys.SIGNING_PASSWORD);
            env.put("CUADRA_SIGNING_ALIAS", DevKeys.SIGNING_ALIAS);
        }
        env.put("CUADRA_SUNAT_ENDPOINT", sunatEndpoint().orElse(simulatorEndpoint()));
        putIfSet(env, "CUADRA_SUNAT_SOL_USER");
        putIfSet(env, "CUADRA_SUNAT_SOL_PASSWORD");
        // Notifications: configured WhatsApp / SMS providers, or the stand-ins the run command starts.
        env.put("CUADRA_NOTIFICATIONS_WHATSAPP_URL", value("CUADRA_NOTIFICATIONS_WHATSAPP_URL", messagingStandInUrl()));
        env.put("CUADRA_NOTIFICATIONS_SMS_URL", value("CUADRA_NOTIFICATIONS_SMS_URL", messagingStandInUrl()));
        for (String name : new String[]{"CUADRA_NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID", "CUADRA_NOTIFICATIONS_WHATSAPP_TOKEN",
                "CUADRA_NOTIFICATIONS_WHATSAPP_VERSION", "CUADRA_NOTIFICATIONS_SMS_ACCOUNT_SID",
                "CUADRA_NOTIFICATIONS_SMS_AUTH_TOKEN", "CUADRA_NOTIFICATIONS_SMS_FROM", "CUADRA_NOTIFICATIONS_EMAIL_FROM",
                // notify lane: webhook secret, public callback address, the key that seals stored secrets
                "CUADRA_NOTIFICATIONS_WHATSAPP_APP_SECRET", "CUADRA_NOTIFICATIONS_CALLBACK_URL", "CUADRA_SECRETS_KEY",
                "CUADRA_SECRETS_KEY_ID", "CUADRA_SECRETS_PREVIOUS_KEYS", "CUADRA_NOTIFICATIONS_RETRIES",
                "CUADRA_NOTIFICATIONS_RETRY_DELAY_MS", "CUADRA_NOTIFICATIONS_BREAKER_THRESHOLD",
                "CUADRA_NOTIFICATIONS_BREAKER_PAUSE_SECONDS", "CUADRA_NOTIFICATIONS_PARALLELISM", "CUADRA_OUTBOX_BATCH",
                "CUADRA_OUTBOX_THREADS"}) {
            putIfSet(env, name);
        }
        // Laboratory system: the MLLP port results come back to; the demo location sends to the LIS stand-in.
        env.put("CUADRA_LAB_MLLP_PORT", Integer.toString(labMllpPort()));
        putIfSet(env, "CUADRA_LAB_MLLP_BIND");
        if (lisStandInWanted()) {
            env.put("CUADRA_LAB_DEMO_MLLP", "localhost:" + lisStandInMllpPort());
        }
        putIfSet(env, "CUADRA_OUTBOX_POLL_SECONDS");
        putIfSet(env, "CUADRA_OUTBOX_BACKOFF_BASE_SECONDS");
        putIfSet(env, "CUADRA_OUTBOX_BACKOFF_MAX_SECONDS");
        return env;
    }

    /** No mail server configured: the run command receives the mail itself ({@link MailSink}). */
    public boolean mailSinkWanted() {
        return value("CUADRA_MAIL_HOST", null) == null;
    }

    /** Where the run command's mail sink writes what it receives. */
    public Path mailDir() {
        return home.resolve("mail");
    }

    public boolean signingKeystoreConfigured() {
        return value("CUADRA_SIGNING_KEYSTORE", null) != null;
    }

    /** The billService the application calls when one is configured (beta, production or a URL). */
    public Optional<String> sunatEndpoint() {
        return Optional.ofNullable(value("CUADRA_SUNAT_ENDPOINT", null));
    }

    /** The port of the SUNAT simulator the run command starts when no billService is configured. */
    public int sunatSimulatorPort() {
        return Integer.parseInt(value("CUADRA_SUNAT_SIMULATOR_PORT", Integer.toString(portBase + 89)));
    }

    /** Whether the run command starts the WhatsApp and SMS stand-ins (no provider URL configured for either). */
    public boolean messagingStandInsWanted() {
        return value("CUADRA_NOTIFICATIONS_WHATSAPP_URL", null) == null || value("CUADRA_NOTIFICATIONS_SMS_URL", null) == null;
    }

    /** The port of the WhatsApp and SMS stand-ins. */
    public int messagingStandInPort() {
        return Integer.parseInt(value("CUADRA_MESSAGING_SIMULATOR_PORT", Integer.toString(portBase + 87)));
    }

    /** The port of the Shopify stand-in (its Admin GraphQL API and webhook controls); "off" in CUADRA_SHOPIFY_SIMULATOR skips it. */
    public int shopifyStandInPort() {
        return Integer.parseInt(value("CUADRA_SHOPIFY_SIMULATOR_PORT", Integer.toString(portBase + 90)));
    }

    public boolean shopifyStandInWanted() {
        return !"off".equalsIgnoreCase(value("CUADRA_SHOPIFY_SIMULATOR", "on"));
    }

    /** Cuadra's MLLP port for LIS results (ORU^R01). */
    public int labMllpPort() {
        return Integer.parseInt(value("CUADRA_LAB_MLLP_PORT", Integer.toString(portBase + 93)));
    }

    /** Whether the run command starts the LIS stand-in (CUADRA_LIS_SIMULATOR=false: a real LIS is configured). */
    public boolean lisStandInWanted() {
        return !"false".equalsIgnoreCase(value("CUADRA_LIS_SIMULATOR", "true"));
    }

    public int lisStandInMllpPort() {
        return Integer.parseInt(value("CUADRA_LIS_SIMULATOR_MLLP_PORT", Integer.toString(portBase + 88)));
    }

    public int lisStandInHttpPort() {
        return Integer.parseInt(value("CUADRA_LIS_SIMULATOR_HTTP_PORT", Integer.toString(portBase + 92)));
    }

    public String messagingStandInUrl() {
        return "http://localhost:" + messagingStandInPort();
    }

    public String simulatorEndpoint() {
        return "http://localhost:" + sunatSimulatorPort() + "/ol-ti-itcpfegem-beta/billService";
    }

    private static void putIfSet(Map<String, String> env, String name) {
        String v = value(name, null);
        if (v != null) {
            env.put(name, v);
        }
    }

    static String value(String envName, String fallback) {
        String property = System.getProperty(envName.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(envName);
        return env != null && !env.isBlank() ? env : fallback;
    }

    private static String required(String envName) {
        String v = value(envName, null);
        if (v == null) {
            throw new IllegalStateException(envName + " (or -D" + envName.toLowerCase().replace('_', '.')
                    + ") is required; the run command sets it");
        }
        return v;
    }
}
