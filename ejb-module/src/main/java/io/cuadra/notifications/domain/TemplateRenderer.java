package io.cuadra.notifications.domain;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills templates with Mustache: HTML bodies escape what they insert (a customer named {@code <b>} stays text);
 * subjects, text bodies and WhatsApp parameters are plain text and are inserted as they are. An unknown variable
 * renders empty, as Mustache does; a malformed template is refused.
 */
public final class TemplateRenderer {

    private static final DefaultMustacheFactory HTML = new DefaultMustacheFactory();
    private static final DefaultMustacheFactory PLAIN = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (java.io.IOException e) {
                throw new MustacheException("Could not write the text", e);
            }
        }
    };

    /** Compiled sources, keyed by escaping and source text: an edited template is a new key, never a stale one. */
    private static final Map<String, Mustache> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int COMPILED_MAX = 2_000;

    private TemplateRenderer() {
    }

    public static Rendered render(Template t, Map<String, String> variables) {
        List<String> parameters = new ArrayList<>();
        for (String p : t.whatsappParameters()) {
            parameters.add(fill(PLAIN, p, variables).strip());
        }
        return new Rendered(t.subject() == null ? null : fill(PLAIN, t.subject(), variables).strip(),
                fill(PLAIN, t.text(), variables), t.html() == null ? null : fill(HTML, t.html(), variables),
                t.whatsappTemplate(), parameters);
    }

    private static String fill(DefaultMustacheFactory factory, String source, Map<String, String> variables) {
        String key = (factory == HTML ? "h:" : "p:") + source;
        Mustache m = COMPILED.get(key);
        if (m == null) {
            try {
                m = factory.compile(new StringReader(source), "template");
            } catch (MustacheException e) {
                throw new IllegalArgumentException("The template cannot be read: " + e.getMessage(), e);
            }
            if (COMPILED.size() >= COMPILED_MAX) {
                COMPILED.clear(); // many tenants' own templates: start over rather than grow without bound
            }
            COMPILED.put(key, m);
        }
        StringWriter out = new StringWriter();
        m.execute(out, variables);
        return out.toString();
    }
}
