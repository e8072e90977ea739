package io.cuadra.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster profile's servers: a DAS provisioned from {@code cuadra-domain.asadmin} plus the plan's commands
 * (a deployment group of instances on the local node, sharing one configuration and the data grid), the EAR
 * deployed to the group with availability on, and HAProxy in front. The DAS runs no application; it holds the
 * configuration and the deployment, and the instances synchronise from it when they start.
 */
public final class PayaraCluster implements AutoCloseable {

    private final ClusterPlan plan;
    private final PayaraDomain das;
    private final Path workDir;
    private Balancer balancer;
    private boolean started;

    private PayaraCluster(ClusterPlan plan, PayaraDomain das, Path workDir) {
        this.plan = plan;
        this.das = das;
        this.workDir = workDir;
    }

    /**
     * Secrets sealed by one instance must open on the others: one key for the whole cluster (configured, or
     * generated once into the keys directory) instead of each instance's own generated file.
     */
    static Map<String, String> clusterEnvironment(ServerSettings settings, ClusterPlan plan, Map<String, String> environment)
            throws IOException {
        Map<String, String> env = new LinkedHashMap<>(environment);
        // TLS ends at the balancer (HAProxy here speaks plain HTTP): instances never redirect to their own HTTPS
        // listener, and links in mails point at the balancer unless CUADRA_PUBLIC_URL names the real address.
        env.put("CUADRA_TLS_REDIRECT", "false");
        if (ServerSettings.value("CUADRA_PUBLIC_URL", null) == null) {
            env.put("CUADRA_PUBLIC_URL", plan.balancerUrl());
        }
        env.put("CUADRA_METRICS_TOKEN", settings.metricsToken().isPresent() ? settings.metricsToken().get()
                : DevKeys.ensureMetricsToken(settings.keysDir()));
        env.putAll(plan.environment());
        if (!env.containsKey("CUADRA_SECRETS_KEY")) {
            Path file = settings.keysDir().resolve("cluster-secrets.key");
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            env.put("CUADRA_SECRETS_KEY", Files.readString(file).strip());
        }
        return env;
    }

    /**
     * The cluster's servers, not started yet: the caller keeps it before {@link #start} so that a stop arriving
     * during the start (Ctrl-C, SIGTERM) still stops whatever was started.
     */
    public static PayaraCluster of(ServerSettings settings, ClusterPlan plan, Map<String, String> environment)
            throws IOException {
        Balancer.executable(); // before anything starts: say how to install HAProxy when it is missing
        if (!settings.adminOnLoopback()) {
            throw new IOException("CUADRA_ADMIN_ADDRESS: the cluster profile keeps its DAS on the loopback interface");
        }
        PayaraDomain.unpack(settings.payaraZip(), settings.payaraHome());
        // The DAS starts a local instance through lib/nadmin (an unpack of an older launcher left it not executable).
        Path nadmin = settings.payaraHome().resolve("glassfish/lib/nadmin");
        if (Files.isRegularFile(nadmin) && !Files.isExecutable(nadmin)) {
            Files.setPosixFilePermissions(nadmin, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String name = settings.domainName() + "-cluster";
        PayaraDomain das = new PayaraDomain(settings.payaraHome(), name, plan.dasPortBase(),
                clusterEnvironment(settings, plan, environment));
        return new PayaraCluster(plan, das, settings.home().resolve("cluster"));
    }

    /** Provisions the DAS when its configuration changed, starts it, deploys to the group and starts HAProxy. */
    public void start(Path ear, String appName) throws IOException, InterruptedException {
        PayaraCluster cluster = this;
        Balancer.check(plan, workDir); // before the boot's minutes: a configuration HAProxy refuses fails now
        String name = das.name();
        if (das.provision(PayaraDomain.jdbcDriverJar(), plan.provisioningCommands(name, PayaraDomain.domainFileText()))) {
            log("DAS '" + name + "' created with deployment group " + ClusterPlan.GROUP + " of " + plan.instances()
                    + " instances");
        }
        cluster.started = true; // from here on close() stops the DAS and the instances, even mid-start
        das.start();
        try {
            cluster.deploy(ear, appName);
            cluster.balancer = Balancer.start(plan, cluster.workDir);
            HealthProbe.awaitUp(URI.create("http://localhost:" + plan.balancerPort() + "/health/ready"),
                    Duration.ofMinutes(1));
            log("HAProxy (pid " + cluster.balancer.pid() + ") on port " + plan.balancerPort() + ", configuration "
                    + cluster.balancer.config());
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A deployment left by a run that did not stop cleanly is removed before the instances start (they would load
     * it at boot, and replacing an application still loading breaks it: README, Platform pitfalls); then the group
     * starts and gets this build.
     */
    private void deploy(Path ear, String appName) throws IOException, InterruptedException {
        boolean left = false;
        if (das.asadmin("--port=" + das.adminPort(), "list-applications", ClusterPlan.GROUP).lines()
                .anyMatch(l -> l.startsWith(appName + " "))) {
            log("removing the deployment a previous run left");
            left = true;
            try {
                das.asadmin("--port=" + das.adminPort(), "undeploy", "--target=" + ClusterPlan.GROUP, appName);
            } catch (IOException stoppedInstances) {
                // the instances are down: the group's reference goes, they drop the application when they sync
            }
        }
        if (das.asadmin("--port=" + das.adminPort(), "list-applications", "domain").lines()
                .anyMatch(l -> l.startsWith(appName + " "))) {
            // still registered in the domain with no target left (a start that failed half-way): deploying to the
            // group would be refused with "Application name cuadra is already in use"
            das.asadmin("--port=" + das.adminPort(), "undeploy", "--target=domain", appName);
            left = true;
        }
        if (left) {
            // The DAS loaded the left application into its memory at its start (seen: "Loading application cuadra
            // done in 64935 ms") and undeploying from the group leaves it there: the deployment below would be
            // refused ("Application name cuadra is already in use"). A new DAS process starts without it.
            das.stop();
            das.start();
        }
        long t0 = System.nanoTime();
        das.asadmin("--port=" + das.adminPort(), "start-deployment-group", "--timeout=600", ClusterPlan.GROUP);
        log(String.format("deployment group %s started in %.1f s", ClusterPlan.GROUP, (System.nanoTime() - t0) / 1e9));
        long d0 = System.nanoTime();
        try {
            deployToGroup(ear, appName);
        } catch (IOException e) {
            if (!e.getMessage().contains("is already in use")) {
                throw e;
            }
            System.err.println("[cuadra] " + e.getMessage());
            // Payara refuses a name held in a server's memory (its application registry), not only one in
            // domain.xml: an application loaded in that process's life and then removed from domain.xml stays
            // there, invisible to list-applications and undeploy. Only new processes forget it (a safety net: the
            // DAS restart above is meant to spare it).
            log("a server still holds " + appName + " in memory: restarting the DAS and the "
                    + "group, then deploying again");
            das.asadmin("--port=" + das.adminPort(), "stop-deployment-group", ClusterPlan.GROUP);
            das.stop();
            das.start();
            das.asadmin("--port=" + das.adminPort(), "start-deployment-group", "--timeout=600", ClusterPlan.GROUP);
            deployToGroup(ear, appName);
        }
        log(String.format("deployed to %s in %.1f s", ClusterPlan.GROUP, (System.nanoTime() - d0) / 1e9));
        for (int i : plan.numbers()) {
            HealthProbe.awaitUp(instanceUri(i, "health/ready"), Duration.ofMinutes(3));
            log(plan.instanceName(i) + " healthy at " + instanceUri(i, ""));
        }
    }

    private void deployToGroup(Path ear, String appName) throws IOException {
        das.asadmin("--port=" + das.adminPort(), "deploy", "--force=true", "--target=" + ClusterPlan.GROUP,
                "--availabilityenabled=true", "--name=" + appName, ear.toString());
    }

    public URI instanceUri(int i, String path) {
        return URI.create("http://localhost:" + plan.instanceHttpPort(i) + "/" + path);
    }

    public ClusterPlan plan() {
        return plan;
    }

    public PayaraDomain das() {
        return das;
    }

    /** The instance's JVM, found by its instance directory on its command line. */
    public Optional<ProcessHandle> instanceProcess(int i) {
        return processOf(instanceDir(i));
    }

    private static Optional<ProcessHandle> processOf(Path instanceRoot) {
        String root = "-Dcom.sun.aas.instanceRoot=" + instanceRoot;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(root)).orElse(false)).findFirst();
    }

    public Path instanceDir(int i) {
        return das.domainDir().getParent().getParent().resolve("nodes").resolve("localhost-" + das.name())
                .resolve(plan.instanceName(i));
    }

    public Path instanceLog(int i) {
        return instanceDir(i).resolve("logs/server.log");
    }

    /** Starts an instance again (after it was stopped or killed); it synchronises and loads the application. */
    public void startInstance(int i) throws IOException, InterruptedException {
        das.asadmin("--port=" + das.adminPort(), "start-instance", plan.instanceName(i));
        // it loads the EAR at its start: 4 minutes and more on a busy two-core machine
        HealthProbe.awaitUp(instanceUri(i, "health/ready"), Duration.ofMinutes(8));
    }

    List<String> describe() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i : plan.numbers()) {
            lines.add(plan.instanceName(i) + ": " + instanceUri(i, "") + "  (log " + instanceLog(i) + ")");
        }
        lines.add("HAProxy statistics: http://localhost:" + plan.statsPort() + "/  (configuration "
                + (balancer == null ? "-" : balancer.config()) + ")");
        lines.add("DAS admin: http://localhost:" + plan.dasAdminPort() + "/");
        return lines;
    }

    @Override
    public synchronized void close() {
        if (balancer != null) {
            balancer.close();
            balancer = null;
        }
        if (!started) {
            return;
        }
        String port = "--port=" + das.adminPort();
        try {
            das.asadmin(port, "undeploy", "--target=" + ClusterPlan.GROUP, CuadraLauncher.APP_NAME);
        } catch (IOException e) {
            System.err.println("[cuadra] undeploying from the group: " + e.getMessage());
        }
        try {
            das.asadmin(port, "stop-deployment-group", ClusterPlan.GROUP);
        } catch (IOException e) {
            System.err.println("[cuadra] stopping the deployment group: " + e.getMessage());
        }
        for (int i : plan.numbers()) {
            // an instance the group could not stop (hung) must not outlive the run
            instanceProcess(i).ifPresent(ProcessHandle::destroyForcibly);
        }
        try {
            das.stop();
        } catch (IOException e) {
            System.err.println("[cuadra] stopping the DAS: " + e.getMessage());
            processOf(das.domainDir()).ifPresent(ProcessHandle::destroyForcibly);
        }
        started = false;
    }

    private static void log(String message) {
        System.out.println("[cuadra] " + message);
    }
}
