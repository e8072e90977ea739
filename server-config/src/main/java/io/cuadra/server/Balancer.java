package io.cuadra.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy} package) in front of the cluster's instances, run as a child process of the
 * launcher with a configuration generated from {@code haproxy.cfg.template} (in {@code server-config/asadmin}).
 * It sends an instance traffic only while the application's own readiness answers UP with its checks, so an
 * instance killed or still loading is out of rotation within about two seconds.
 */
public final class Balancer implements AutoCloseable {

    public static final String TEMPLATE = "haproxy.cfg.template";

    private final Process process;
    private final Path config;

    private Balancer(Process process, Path config) {
        this.process = process;
        this.config = config;
    }

    /** The haproxy executable, or a failure saying how to install it. */
    public static Path executable() throws IOException {
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("The cluster profile needs HAProxy as its load balancer and none is installed: "
                + "apt-get install -y haproxy (Debian/Ubuntu), then start again");
    }

    /** The configuration for this plan: the template with its ports and servers filled in. */
    public static String configuration(ClusterPlan plan) {
        StringBuilder http = new StringBuilder();
        StringBuilder mllp = new StringBuilder();
        for (int i : plan.numbers()) {
            http.append("    server ").append(plan.instanceName(i)).append(" 127.0.0.1:").append(plan.instanceHttpPort(i))
                    .append(" check cookie ").append(plan.instanceName(i)).append('\n');
            mllp.append("    server ").append(plan.instanceName(i)).append(" 127.0.0.1:").append(plan.instanceMllpPort(i))
                    .append(" check\n");
        }
        return PayaraDomain.resourceText(TEMPLATE)
                .replace("${BALANCER_PORT}", Integer.toString(plan.balancerPort()))
                .replace("${STATS_PORT}", Integer.toString(plan.statsPort()))
                .replace("${MLLP_PORT}", Integer.toString(plan.mllpFrontPort()))
                .replace("${HTTP_SERVERS}\n", http.toString())
                .replace("${MLLP_SERVERS}\n", mllp.toString());
    }

    /**
     * Writes the configuration into {@code dir} and has {@code haproxy -c} check it; answers the file. Called before
     * the servers start too: a configuration HAProxy refuses is said at once, not after a boot of many minutes.
     */
    public static Path check(ClusterPlan plan, Path dir) throws IOException, InterruptedException {
        Path haproxy = executable();
        Files.createDirectories(dir);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, configuration(plan));
        Path log = dir.resolve("haproxy.log");
        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IOException("HAProxy refuses " + config + ": " + Files.readString(log));
        }
        return config;
    }

    /** Writes and checks the configuration ({@link #check}) and starts HAProxy in the foreground. */
    public static Balancer start(ClusterPlan plan, Path dir) throws IOException, InterruptedException {
        Path haproxy = executable();
        Path config = check(plan, dir);
        Path log = dir.resolve("haproxy.log");
        Process p = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Thread.sleep(300);
        if (!p.isAlive()) {
            throw new IOException("HAProxy stopped at once: " + Files.readString(log));
        }
        return new Balancer(p, config);
    }

    public Path config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
