package io.cuadra.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain file ({@code cuadra-domain.asadmin}) says everything for the DAS's own {@code server-config}; the
 * cluster's instances share another configuration. Rather than keep a second file in step by hand, the cluster
 * applies the same file re-aimed at that configuration: dotted names of {@code server-config} are renamed,
 * configuration-scoped commands get {@code --target}, and domain-wide ones (pools, resources, which the DAS
 * already has) are left out; the resources are referenced from the deployment group instead.
 */
public final class ClusterConfig {

    private static final String SERVER_CONFIG = "configs.config.server-config.";
    /** Commands that act on one configuration and take --target (listeners, JVM options, the set-*-configuration family). */
    private static final Set<String> CONFIG_SCOPED = Set.of("create-jvm-options", "delete-jvm-options", "set-log-levels",
            "set-log-attributes", "create-network-listener", "create-protocol", "create-http", "create-ssl",
            "create-http-redirect", "create-protocol-filter", "create-protocol-finder", "create-transport",
            "create-system-properties", "create-thread-pool");
    private static final Pattern RESOURCE = Pattern.compile("create-(jdbc|javamail|custom|jndi|connector)-resource\\b.*");

    private ClusterConfig() {
    }

    /** The domain file's commands that configure one configuration, aimed at {@code config}. */
    public static List<String> retarget(String domainFile, String config) {
        List<String> out = new ArrayList<>();
        for (String raw : domainFile.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String command = line.split("\\s+", 2)[0];
            String rest = line.length() > command.length() ? line.substring(command.length()).strip() : "";
            if (command.equals("set") || command.equals("get")) {
                if (rest.startsWith(SERVER_CONFIG)) {
                    out.add(command + " configs.config." + config + "." + rest.substring(SERVER_CONFIG.length()));
                }
                // other dotted names (resources.*, domain.*) are domain-wide: applied once, for the DAS
            } else if (CONFIG_SCOPED.contains(command) || command.startsWith("set-") && command.endsWith("-configuration")) {
                out.add(command + " --target=" + config + (rest.isEmpty() ? "" : " " + rest));
            }
            // anything else (pools, resources, secure admin, password aliases) is domain-wide
        }
        return out;
    }

    /** The JNDI names of the resources the domain file creates (its last operand), to reference from the group. */
    public static List<String> resources(String domainFile) {
        List<String> names = new ArrayList<>();
        for (String raw : domainFile.split("\n")) {
            String line = raw.strip();
            if (RESOURCE.matcher(line).matches()) {
                String[] words = line.split("\\s+");
                names.add(words[words.length - 1]);
            }
        }
        return names;
    }
}
