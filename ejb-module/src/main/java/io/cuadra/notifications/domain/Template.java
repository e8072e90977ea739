package io.cuadra.notifications.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wording of one event on one channel in one language, as Mustache sources: a subject (e-mail, alert), a
 * text body (every channel), an HTML body (e-mail), and for WhatsApp the name of the template approved at Meta
 * with the ordered Mustache sources of its parameters.
 *
 * <p>The shipped files hold sections headed {@code --- subject}, {@code --- text}, {@code --- html},
 * {@code --- whatsapp-template}, {@code --- whatsapp-parameters} (one per line).
 */
public record Template(String subject, String text, String html, String whatsappTemplate,
                       List<String> whatsappParameters) {

    public Template {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A template needs a text body.");
        }
        whatsappParameters = whatsappParameters == null ? List.of() : List.copyOf(whatsappParameters);
    }

    public static Template parse(String source) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : source.split("\r?\n", -1)) {
            if (line.startsWith("--- ")) {
                current = new StringBuilder();
                sections.put(line.substring(4).strip(), current);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        List<String> parameters = new ArrayList<>();
        String params = section(sections, "whatsapp-parameters");
        if (params != null) {
            for (String p : params.split("\n")) {
                if (!p.isBlank()) {
                    parameters.add(p.strip());
                }
            }
        }
        String subject = section(sections, "subject");
        String name = section(sections, "whatsapp-template");
        return new Template(subject == null ? null : subject.strip(), section(sections, "text"),
                section(sections, "html"), name == null ? null : name.strip(), parameters);
    }

    private static String section(Map<String, StringBuilder> sections, String name) {
        StringBuilder b = sections.get(name);
        if (b == null) {
            return null;
        }
        String s = b.toString().stripTrailing();
        return s.isEmpty() ? null : s + "\n";
    }
}
