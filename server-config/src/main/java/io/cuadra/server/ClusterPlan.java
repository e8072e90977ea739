package io.cuadra.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The cluster profile's shape: a DAS that runs nothing, {@code instances} Payara instances of one deployment
 * group sharing one configuration, and HAProxy in front. Every port derives from the run command's port base B
 * ({@code CUADRA_PORT_BASE}), so the whole profile moves with one variable:
 * <pre>
 *   B+80  balancer (the address users and the API use, as in the single run)   B+81 balancer statistics
 *   B+93  balancer's MLLP front (lab results), spread over the instances' MLLP ports
 *   B+100·i  portbase of instance i (its HTTP B+100·i+80, MLLP B+100·i+93)     B+300 portbase of the DAS
 *   B+900  DAS data grid (Hazelcast) port; the instances' from B+910 up (Payara gives instances of one host
 *          successive ports from the start port, whatever each was created with)
 * </pre>
 * The stand-ins keep the single run's ports (B+25, B+87 ... B+92).
 */
public record ClusterPlan(int portBase, int instances, Map<String, String> environment) {

    public static final String GROUP = "cuadra-dg";
    public static final String CONFIG = "cuadra-config";
    public static final int MAX_INSTANCES = 2;

    public ClusterPlan(int portBase, int instances) {
        this(portBase, instances, Map.of());
    }

    /** {@code environment}: settings the instances get on top of the run command's (a test moves the closure time). */
    public ClusterPlan {
        environment = Map.copyOf(environment);
        if (instances < 2 || instances > MAX_INSTANCES) {
            // Instance ports step by 100 from the base and the DAS sits at +300: two instances on one host.
            throw new IllegalArgumentException("CUADRA_CLUSTER_INSTANCES: 2 instances on this layout, not " + instances);
        }
    }

    /** {@code CUADRA_CLUSTER_INSTANCES} (or {@code -Dcuadra.cluster.instances}) of 2 or more: the cluster; else none. */
    public static ClusterPlan fromEnvironment(ServerSettings settings) {
        int n = Integer.parseInt(ServerSettings.value("CUADRA_CLUSTER_INSTANCES", "0"));
        return n <= 1 ? null : new ClusterPlan(settings.portBase(), n);
    }

    public int dasPortBase() {
        return portBase + 300;
    }

    public int dasAdminPort() {
        return dasPortBase() + 48;
    }

    public int balancerPort() {
        return portBase + 80;
    }

    /** Where users, the API and the tests reach the cluster: HAProxy, plain HTTP on this machine. */
    public String balancerUrl() {
        return "http://localhost:" + balancerPort() + "/";
    }

    public int statsPort() {
        return portBase + 81;
    }

    public int mllpFrontPort() {
        return portBase + 93;
    }

    public int dasGridPort() {
        return portBase + 900;
    }

    public List<Integer> numbers() {
        return IntStream.rangeClosed(1, instances).boxed().toList();
    }

    public String instanceName(int i) {
        return "cuadra-" + i;
    }

    public int instancePortBase(int i) {
        return portBase + 100 * i;
    }

    public int instanceHttpPort(int i) {
        return instancePortBase(i) + 80;
    }

    public int instanceMllpPort(int i) {
        return instancePortBase(i) + 93;
    }

    public int instanceGridPort(int i) {
        return dasGridPort() + 10 * i;
    }

    /**
     * What turns a provisioned DAS into the cluster, as asadmin commands applied after the domain file: the data
     * grid on this profile's ports under a name of its own (two clusters on one machine never merge), a shared
     * configuration carrying the domain file's settings, the deployment group and its instances, the resources
     * referenced from the group, and web sessions kept in the data grid.
     */
    public List<String> provisioningCommands(String domainName, String domainFile) {
        List<String> cmds = new ArrayList<>();
        cmds.add("set-hazelcast-configuration --clustername=cuadra-" + domainName + "-" + portBase
                + " --dasport=" + dasGridPort() + " --startport=" + (dasGridPort() + 10)
                + " --autoIncrementport=true --clustermode=domain");
        cmds.add("copy-config default-config " + CONFIG);
        // No JMS broker in any of the cluster's JVMs: the application sends no JMS, and the DAS's embedded broker,
        // restarted right after provisioning, failed to take its port back and stopped the DAS.
        cmds.add("set configs.config.server-config.jms-service.type=DISABLED");
        cmds.add("set configs.config." + CONFIG + ".jms-service.type=DISABLED");
        cmds.addAll(ClusterConfig.retarget(domainFile, CONFIG));
        // Deploying to a group makes the DAS start the timer service for the group's configuration; the default
        // (Database) store needs jdbc/__TimerPool on the instances and refused the EAR ("EJB Timer Service is not
        // available", payara/Payara#6381). Our timers are all non-persistent: the grid's store is enough.
        for (String config : List.of("server-config", CONFIG)) {
            cmds.add("set configs.config." + config + ".ejb-container.ejb-timer-service.ejb-timer-service=DataGrid");
        }
        // Web sessions of applications deployed with availability on live in the data grid.
        String availability = "set configs.config." + CONFIG + ".availability-service.";
        cmds.add(availability + "availability-enabled=true");
        cmds.add(availability + "web-container-availability.availability-enabled=true");
        cmds.add(availability + "web-container-availability.persistence-type=hazelcast");
        cmds.add("create-deployment-group " + GROUP);
        for (int i : numbers()) {
            cmds.add("create-instance --node=localhost-" + domainName + " --config=" + CONFIG
                    + " --portbase=" + instancePortBase(i) + " --checkports=true"
                    + " --dataGridStartPort=" + instanceGridPort(i) + " " + instanceName(i));
            cmds.add("add-instance-to-deployment-group --instance=" + instanceName(i) + " --deploymentgroup=" + GROUP);
            // Each instance opens its own MLLP port (the balancer spreads the lab systems' connections over them).
            cmds.add("create-system-properties --target=" + instanceName(i) + " cuadra.lab.mllp.port="
                    + instanceMllpPort(i));
            // its own plain listener (the application reads its OpenAPI document there), not the balancer's
            cmds.add("create-system-properties --target=" + instanceName(i) + " cuadra.http.port=" + instanceHttpPort(i));
        }
        for (String resource : ClusterConfig.resources(domainFile)) {
            cmds.add("create-resource-ref --target=" + GROUP + " " + resource);
        }
        return cmds;
    }
}
