package io.cuadra.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster's shared configuration is the domain file re-aimed; the balancer's file names every instance. */
class ClusterConfigTest {

    private static final String DOMAIN_FILE = PayaraDomain.domainFileText();

    @Test
    void everySettingOfTheServerConfigGoesToTheClusterConfigAndNothingDomainWideIsRepeated() {
        List<String> commands = ClusterConfig.retarget(DOMAIN_FILE, "cuadra-config");
        assertThat(commands).isNotEmpty().noneMatch(c -> c.contains("server-config"))
                .noneMatch(c -> c.startsWith("create-jdbc") || c.startsWith("create-javamail") || c.startsWith("set resources."));
        long serverConfigSets = DOMAIN_FILE.lines().filter(l -> l.startsWith("set configs.config.server-config.")).count();
        assertThat(commands.stream().filter(c -> c.startsWith("set configs.config.cuadra-config.")).count())
                .isEqualTo(serverConfigSets);
        assertThat(commands).contains("create-jvm-options --target=cuadra-config -Xmx1536m",
                "delete-jvm-options --target=cuadra-config -Xmx512m",
                "set-openapi-configuration --target=cuadra-config --endpoint=openapi-payara");
        assertThat(commands).anyMatch(c -> c.startsWith("set-batch-runtime-configuration --target=cuadra-config --datasourcelookupname=jdbc/cuadra"));
        assertThat(ClusterConfig.resources(DOMAIN_FILE)).contains("jdbc/cuadra", "mail/cuadra");
    }

    @Test
    void thePlanDerivesEveryPortFromOneBaseAndReferencesTheResourcesFromTheGroup() {
        ClusterPlan plan = new ClusterPlan(27000, 2);
        assertThat(List.of(plan.balancerPort(), plan.instanceHttpPort(1), plan.instanceHttpPort(2), plan.dasAdminPort(),
                plan.instanceMllpPort(1), plan.instanceMllpPort(2), plan.dasGridPort()))
                .containsExactly(27080, 27180, 27280, 27348, 27193, 27293, 27900);
        List<String> commands = plan.provisioningCommands("cuadra-cluster", DOMAIN_FILE);
        assertThat(commands).contains("create-deployment-group cuadra-dg",
                "create-resource-ref --target=cuadra-dg jdbc/cuadra",
                "add-instance-to-deployment-group --instance=cuadra-2 --deploymentgroup=cuadra-dg",
                "create-system-properties --target=cuadra-1 cuadra.lab.mllp.port=27193");
    }

    @Test
    void theBalancerChecksEachInstancesReadinessAndSticksSessions() {
        String cfg = Balancer.configuration(new ClusterPlan(27000, 2));
        assertThat(cfg).contains("bind 127.0.0.1:27080", "bind 127.0.0.1:27093", "bind 127.0.0.1:27081",
                "server cuadra-1 127.0.0.1:27180 check cookie cuadra-1", "server cuadra-2 127.0.0.1:27280 check cookie cuadra-2",
                "server cuadra-2 127.0.0.1:27293 check", "uri /health/ready").doesNotContain("${");
    }

    /**
     * HAProxy itself reads the file (Debian's haproxy, which the profile needs): its readiness expression was once
     * split on its spaces and refused, found only after a cluster boot of twelve minutes.
     */
    @Test
    void haproxyAcceptsTheFileAndItsReadinessExpressionWantsTheApplicationsOwnChecks(@TempDir Path dir) throws Exception {
        ClusterPlan plan = new ClusterPlan(27000, 2);
        Matcher expect = Pattern.compile("http-check expect rstring '([^']*)'").matcher(Balancer.configuration(plan));
        assertThat(expect.find()).as("a single-quoted expression").isTrue();
        Pattern ready = Pattern.compile(expect.group(1));
        assertThat(ready.matcher("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\"")
                .find()).isTrue();
        assertThat(ready.matcher("{\"status\":\"UP\",\"checks\":[]}").find()).as("still loading: no checks").isFalse();
        assertThat(ready.matcher("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\"").find()).isFalse();
        // the suite's machine need not have HAProxy (.ci/run does not install it): there, the expression alone is checked
        Assumptions.assumeTrue(haproxyInstalled(), "haproxy is not installed (apt-get install -y haproxy)");
        assertThat(Balancer.check(plan, dir)).as("haproxy -c accepts the file").isRegularFile();
    }

    private static boolean haproxyInstalled() {
        try {
            Balancer.executable();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
