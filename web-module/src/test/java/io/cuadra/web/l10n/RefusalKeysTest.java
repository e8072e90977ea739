package io.cuadra.web.l10n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the business throws can be worded in the user's language: each {@code new SomeRefusal(...)}
 * in ejb-module names its message key ({@code .withKey(...)}, {@code .withKeyOf(cause)}, or its class sets one
 * in its constructor), and every key named there is in the back office's bundle (BundlesTest then holds it in
 * es, en and fr). Read from the sources, so a new refusal without a key fails here, not in front of a user.
 */
class RefusalKeysTest {

    private static final Path EJB_SOURCES = Path.of("..", "ejb-module", "src", "main", "java");
    private static final String ROOT = "BusinessException";
    private static final Pattern EXTENDS = Pattern.compile("class\\s+(\\w+)\\s+extends\\s+(\\w+)");
    private static final Pattern KEY_CHAIN = Pattern.compile("^(\\s*\\.\\s*onField\\((?:[^()]|\\([^()]*\\))*\\))*"
            + "\\s*\\.\\s*withKey(Of)?\\(");
    private static final Pattern LITERAL_KEY = Pattern.compile("\"([A-Za-z][\\w.]*)\"");

    @Test
    void everyRefusalThrownInTheBusinessHasAMessageKeyInTheBundle() throws IOException {
        Map<String, String> sources = sources();
        Set<String> refusals = refusalClasses(sources);
        assertThat(refusals).contains("RuleViolation", "NotFound", "AccessDenied", "OrderRuleViolation");
        Set<String> keyedInConstructor = new HashSet<>();
        sources.forEach((file, text) -> {
            String name = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
            if (refusals.contains(name) && Pattern.compile("\\bwithKey\\(").matcher(text).find()) {
                keyedInConstructor.add(name);
            }
        });
        List<String> unkeyed = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        sources.forEach((file, text) -> {
            unkeyed.addAll(unkeyedRefusals(file, text, refusals, keyedInConstructor));
            keys.putAll(literalKeys(text));
        });
        assertThat(unkeyed).as("refusals without a message key (add .withKey(\"component.what\", args) and its "
                + "texts under rule. in the four messages bundles)").isEmpty();

        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        List<String> tooFewArguments = new ArrayList<>();
        keys.forEach((key, arguments) -> {
            String text = bundle.getProperty("rule." + key);
            if (text == null) {
                missing.add("rule." + key);
            } else if (arguments >= 0 && highestPlaceholder(text) >= arguments) {
                tooFewArguments.add(key + " is given " + arguments + " argument(s): " + text);
            }
        });
        assertThat(keys).hasSizeGreaterThan(250);
        assertThat(missing).as("keys named by refusals but missing from messages.properties").isEmpty();
        assertThat(tooFewArguments).isEmpty();
    }

    @Test
    void theScanCatchesARefusalWithoutItsKey() {
        Set<String> refusals = Set.of("RuleViolation", "NotFound");
        String source = """
                class X {
                    void a() { throw new RuleViolation("price: " + p + " is (too) high."); }
                    void b() { throw new RuleViolation("qty: " + q(1)).onField("qty").withKey("x.qty", q(1)); }
                    void c() { find().orElseThrow(() -> new NotFound("No item " + id + ".")); }
                    void d() { throw new NotFound("No (item) " + id).withKeyOf(cause); }
                }""";
        assertThat(unkeyedRefusals("X.java", source, refusals, Set.of()))
                .hasSize(2).allMatch(s -> s.startsWith("X.java:2") || s.startsWith("X.java:4"));
        assertThat(literalKeys(source)).containsEntry("x.qty", 1);
        assertThat(highestPlaceholder("Line {0} of {2}")).isEqualTo(2);
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(EJB_SOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(EJB_SOURCES.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(sources).as("ejb-module sources beside this module").hasSizeGreaterThan(100);
        return sources;
    }

    /** BusinessException and every class that extends it, however deep. */
    private static Set<String> refusalClasses(Map<String, String> sources) {
        Map<String, String> parentOf = new HashMap<>();
        sources.values().forEach(text -> {
            Matcher m = EXTENDS.matcher(text);
            while (m.find()) {
                parentOf.put(m.group(1), m.group(2));
            }
        });
        Set<String> found = new HashSet<>();
        for (String c : parentOf.keySet()) {
            for (String p = c; p != null; p = parentOf.get(p)) {
                if (ROOT.equals(parentOf.get(p)) || ROOT.equals(p)) {
                    found.add(c);
                    break;
                }
            }
        }
        found.remove(ROOT);
        return found;
    }

    static List<String> unkeyedRefusals(String file, String text, Set<String> refusals, Set<String> keyedInConstructor) {
        List<String> unkeyed = new ArrayList<>();
        Matcher m = Pattern.compile("\\bnew\\s+(\\w+)\\s*\\(").matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!refusals.contains(type) || keyedInConstructor.contains(type)) {
                continue;
            }
            int end = closing(text, m.end() - 1);
            if (!KEY_CHAIN.matcher(text.substring(end)).find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                unkeyed.add(file + ":" + line + " new " + type);
            }
        }
        return unkeyed;
    }

    /** Each literal key named in a withKey call (both branches of a choice) with its number of arguments. */
    static Map<String, Integer> literalKeys(String text) {
        Map<String, Integer> keys = new HashMap<>();
        Matcher m = Pattern.compile("\\bwithKey\\(").matcher(text);
        while (m.find()) {
            int end = closing(text, m.end() - 1);
            List<String> args = topLevelArguments(text.substring(m.end(), end - 1));
            if (args.isEmpty()) {
                continue;
            }
            Matcher k = LITERAL_KEY.matcher(args.get(0));
            while (k.find()) {
                keys.put(k.group(1), args.size() - 1);
            }
        }
        return keys;
    }

    /** The highest {n} of a message (-1 when it has none). */
    static int highestPlaceholder(String text) {
        return new MessageFormat(text).getFormatsByArgumentIndex().length - 1;
    }

    /** The index just after the parenthesis that closes the one at {@code open}, skipping strings and chars. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                if (s.startsWith("\"\"\"", i)) {
                    i = s.indexOf("\"\"\"", i + 3) + 2;
                    continue;
                }
                for (i++; s.charAt(i) != c; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("Unbalanced parentheses after " + open);
    }

    private static List<String> topLevelArguments(String s) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!s.isBlank()) {
            args.add(s.substring(start).strip());
        }
        return args;
    }

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalKeysTest.class.getResourceAsStream("/io/cuadra/web/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
