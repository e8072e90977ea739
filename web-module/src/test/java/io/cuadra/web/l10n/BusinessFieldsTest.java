package io.cuadra.web.l10n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal about one field is shown beside that field's input: every field name the business gives a refusal
 * ("reference: …", {@code .onField("reason")}) is an input's id on some back-office page or one of its
 * {@code cuadraField} names. The rest are listed here with the reason they have no input, so a new field a form
 * would show in its top banner fails here first.
 */
class BusinessFieldsTest {

    private static final Path EJB_SOURCES = Path.of("..", "ejb-module", "src", "main", "java");
    private static final Path PAGES = Path.of("src", "main", "webapp");
    private static final Pattern PREFIX = Pattern.compile("new \\w+\\(\\s*\"([A-Za-z][\\w.\\[\\]]*): ");
    private static final Pattern ON_FIELD = Pattern.compile("\\.onField\\(\"([^\"]+)\"\\)");
    private static final Pattern INPUT_ID = Pattern.compile("<[hp]:\\w+[^>]*?\\sid=\"([^\"]+)\"");
    private static final Pattern CUADRA_FIELD = Pattern.compile("name=\"cuadraField\" value=\"([^\"]+)\"");

    /** Field names no page has an input for, and why. */
    private static final Map<String, String> NO_INPUT = Map.ofEntries(
            // set only through the REST API (no back-office form holds them)
            Map.entry("checkAt", "alert rules: REST"), Map.entry("threshold", "alert rules: REST"),
            Map.entry("limit", "report queries: REST"), Map.entry("format", "report exports: REST"),
            Map.entry("key", "report drill: REST"),
            Map.entry("minutes", "tenant maintenance: the platform operator's REST"),
            Map.entry("sendOn", "lab settings: REST"), Map.entry("restUrl", "lab settings: REST"),
            Map.entry("testCode", "lab settings: REST"), Map.entry("adapter", "lab settings: REST"),
            Map.entry("businessDate", "closure runs: REST and the nightly job; the page opens an existing day"),
            // a cell of a table row: the sentence names the line or the item, on the form
            Map.entry("lines.itemId", "row"), Map.entry("lines.lotId", "row"), Map.entry("lines.orderLineId", "row"),
            Map.entry("lineNumber", "row"),
            // not a field: a provider's error text ("SMTP: …")
            Map.entry("SMTP", "provider"));

    @Test
    void everyFieldARefusalNamesHasItsInputOrAReasonNotTo() throws IOException {
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(EJB_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                collect(PREFIX, text, fields);
                collect(ON_FIELD, text, fields);
            }
        }
        Set<String> ids = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                collect(INPUT_ID, text, ids);
                Matcher m = CUADRA_FIELD.matcher(text);
                while (m.find()) {
                    named.addAll(java.util.List.of(m.group(1).split("\\s*,\\s*")));
                }
            }
        }
        assertThat(fields).as("field names read from the business").hasSizeGreaterThan(50).contains("reference", "reason");
        Set<String> bannerOnly = new TreeSet<>();
        for (String field : fields) {
            String plain = field.replaceAll("\\[\\d*]", "");
            String last = plain.substring(plain.lastIndexOf('.') + 1);
            if (!named.contains(plain) && !ids.contains(last) && !NO_INPUT.containsKey(plain)) {
                bannerOnly.add(field);
            }
        }
        assertThat(bannerOnly).as("refusals that would land in a form's top banner: give the input a cuadraField "
                + "with this name, or list it in NO_INPUT with the reason").isEmpty();
        assertThat(NO_INPUT.keySet()).as("reasons kept for fields that still exist").allMatch(fields::contains);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
