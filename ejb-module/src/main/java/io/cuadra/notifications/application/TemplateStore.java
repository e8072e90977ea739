package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Template;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template of an event on a channel in a language: the tenant's own (notification_templates) if it wrote
 * one, else the default shipped for its country pack ({@code notifications/templates/PE/EVENT/...}) or for every
 * pack ({@code notifications/templates/EVENT/CHANNEL.lang.mustache}); a language without a default falls back to
 * Spanish.
 */
@Stateless
public class TemplateStore {

    private static final Map<String, Optional<Template>> DEFAULTS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Optional<Template> find(NotificationEvent event, Channel channel, String language) {
        String lang = Language.of(language);
        // One row always: the company's country (its pack) and the tenant's own wording, when it wrote one.
        Object[] r = (Object[]) CrossTenantSql.query(em, """
                select (select c.country from companies c where c.tenant_id = ?1 limit 1), t.subject, t.body, t.html
                  from (values (1)) one (x)
                  left join notification_templates t on t.tenant_id = ?1 and t.event = ?2 and t.channel = ?3
                       and t.language = ?4""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, event.name())
                .setParameter(3, channel.name()).setParameter(4, lang).getSingleResult();
        return resolve((String) r[0], event, channel, lang, (String) r[1], (String) r[2], (String) r[3]);
    }

    /**
     * The template given what the caller read: the company's country and the tenant's own wording in {@code lang}
     * (null body: none written), else the shipped default.
     */
    static Optional<Template> resolve(String country, NotificationEvent event, Channel channel, String lang,
                                      String subject, String body, String html) {
        Optional<Template> shipped = shipped(country, event, channel, lang)
                .or(() -> shipped(country, event, channel, Language.DEFAULT));
        if (body != null) {
            // A tenant words the texts; the WhatsApp template name and parameters are Meta's approved ones.
            return Optional.of(new Template(subject, body, html,
                    shipped.map(Template::whatsappTemplate).orElse(null),
                    shipped.map(Template::whatsappParameters).orElse(List.of())));
        }
        return shipped;
    }

    /**
     * The shipped default for a tenant of {@code country}: the country pack's own wording when it ships one
     * ({@code notifications/templates/{COUNTRY}/EVENT/CHANNEL.lang.mustache}: the document's local name, who
     * accepted it), else the set shared by every pack.
     */
    public static Optional<Template> shipped(String country, NotificationEvent event, Channel channel,
                                             String language) {
        Optional<Template> own = country == null || !country.matches("[A-Z]{2}") ? Optional.empty()
                : shipped(country + "/" + event.name(), channel, language);
        return own.or(() -> shipped(event, channel, language));
    }

    /** The shipped default, cached: it only changes with a new build. */
    public static Optional<Template> shipped(NotificationEvent event, Channel channel, String language) {
        return shipped(event.name(), channel, language);
    }

    private static Optional<Template> shipped(String folder, Channel channel, String language) {
        String path = "notifications/templates/" + folder + "/" + channel.name() + "." + language + ".mustache";
        return DEFAULTS.computeIfAbsent(path, p -> {
            try (InputStream in = TemplateStore.class.getClassLoader().getResourceAsStream(p)) {
                return in == null ? Optional.empty()
                        : Optional.of(Template.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A tenant's own wording for one event, channel and language (validated by rendering it once). */
    public void save(NotificationEvent event, Channel channel, String language, String subject, String body,
                     String html) {
        String lang = Language.of(language);
        long id = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        CrossTenantSql.query(em, """
                insert into notification_templates (id, tenant_id, event, channel, language, subject, body, html,
                       created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                on conflict (tenant_id, event, channel, language) do update set subject = excluded.subject,
                       body = excluded.body, html = excluded.html, updated_at = now(), updated_by = excluded.updated_by,
                       version = notification_templates.version + 1""")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, event.name()).setParameter(4, channel.name()).setParameter(5, lang)
                .setParameter(6, subject).setParameter(7, body).setParameter(8, html)
                .setParameter(9, TenantContext.actorName()).executeUpdate();
    }
}
