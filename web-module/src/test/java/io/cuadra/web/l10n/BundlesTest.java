package io.cuadra.web.l10n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundle has every key, and no Spanish or French text is English left untranslated. */
class BundlesTest {

    /** Words that give away an English sentence. */
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "are", "your", "you", "with",
            "for", "not", "this", "that", "was", "has", "been", "its", "it", "be", "or", "no", "by", "at", "from",
            "one", "an", "a", "all", "any", "on", "in", "after", "before", "who", "what", "when", "which", "new",
            "enter", "choose", "save", "saved", "cancel", "sign", "yes");
    /** Words that exist in no Spanish or French sentence: two of them make any value English. */
    private static final Set<String> ONLY_ENGLISH = Set.of("the", "and", "of", "to", "is", "are", "your", "you", "with",
            "for", "this", "that", "was", "has", "been", "its", "it", "be", "from", "which", "when", "what", "who",
            "after", "before", "enter", "choose", "there", "will", "must", "cannot", "here");
    /** Values that are the same word in every language (brands, codes, technical names). */
    private static final Set<String> SAME_EVERYWHERE = Set.of("Cuadra", "WhatsApp", "SMS", "Shopify", "Web", "PDF A4",
            "IVAP", "IGV", "%", "Total", "Ubigeo", "Module", "Code", "Type", "Description", "Notes", "Date", "Action",
            "Audit", "Base", "Net", "Message", "Document", "Documents", "Service", "Lot", "Stock", "Contact",
            "Motivo", "Score", "E-mail", "kit", "Roles", "No", "Subtotal", "litre", "millilitre", "DNI", "RUC", "District", "Province", "Facture", "Avoir", "Factura", "Boleta");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    @ParameterizedTest
    @ValueSource(strings = {"messages", "faces-messages"})
    void everyBundleHasEveryKey(String bundle) throws IOException {
        Properties base = load(bundle + ".properties");
        for (String lang : List.of("en", "es", "fr")) {
            Properties other = load(bundle + "_" + lang + ".properties");
            Set<String> missing = new TreeSet<>(base.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(base.stringPropertyNames());
            assertThat(missing).as(bundle + "_" + lang + " lacks keys").isEmpty();
            assertThat(extra).as(bundle + "_" + lang + " has keys the default bundle lacks").isEmpty();
            other.stringPropertyNames().forEach(k -> assertThat(other.getProperty(k)).as(bundle + "_" + lang + ": " + k)
                    .isNotBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "fr"})
    void spanishAndFrenchAreNotEnglishLeftAsIs(String lang) throws IOException {
        for (String bundle : List.of("messages", "faces-messages")) {
            Properties en = load(bundle + "_en.properties");
            Properties translated = load(bundle + "_" + lang + ".properties");
            List<String> english = new ArrayList<>();
            for (String key : translated.stringPropertyNames()) {
                String value = translated.getProperty(key);
                if (looksEnglish(value) && (value.equals(en.getProperty(key)) || hasEnglishWords(value, 2))) {
                    english.add(key + "=" + value);
                }
            }
            assertThat(english).as(bundle + "_" + lang + " values that read as English").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void theEnglishDetectorCatchesWhatItMust() {
        assertThat(looksEnglish("Choose the location of the sale.")).isTrue();
        assertThat(hasEnglishWords("Choose the location of the sale.", 2)).isTrue();
        assertThat(looksEnglish("WhatsApp")).isFalse();
        assertThat(hasEnglishWords("Elija la sede de la venta.", 2)).isFalse();
        assertThat(hasEnglishWords("Choisissez le site de la vente.", 2)).isFalse();
    }

    private static boolean looksEnglish(String value) {
        String bare = value.replaceAll("\\{\\d+}|%", "").strip();
        return !SAME_EVERYWHERE.contains(bare) && hasEnglishWords(value, 1);
    }

    private static boolean hasEnglishWords(String value, int atLeast) {
        Set<String> words = atLeast == 1 ? ENGLISH : ONLY_ENGLISH;
        var m = WORD.matcher(value.replaceAll("\\{\\d+}", " ").toLowerCase(Locale.ROOT));
        int found = 0;
        int count = 0;
        while (m.find()) {
            count++;
            if (words.contains(m.group())) {
                found++;
            }
        }
        return atLeast == 1 ? count > 0 && (found > 0 || count == 1) : found >= atLeast;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/io/cuadra/web/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
