package io.cuadra.web.notifications;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.TemplatePreview;
import io.cuadra.notifications.application.TemplateStore;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Template;
import io.cuadra.notifications.domain.TemplateRenderer;
import io.cuadra.notifications.domain.TemplateVariables;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The template editor: one template per event × channel × language, loaded as in force (the tenant's own or the
 * shipped default), previewed on a real order by the delivery's own renderer, saved as the tenant's own.
 */
@Named
@ViewScoped
public class TemplateEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TemplateStore templates;

    @EJB
    TemplatePreview previews;

    private NotificationEvent event = NotificationEvent.INVOICE_SENT;
    private Channel channel = Channel.EMAIL;
    private String language = Language.DEFAULT;
    private String subject;
    private String text;
    private String html;
    private Long orderId;
    private TemplatePreview.Preview preview;

    /** Shows the template in force for the chosen event, channel and language. */
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    public void load() {
        Template t = templates.find(event, channel, language).orElse(null);
        subject = t == null ? null : t.subject();
        text = t == null ? null : t.text();
        html = t == null ? null : t.html();
        preview = null;
    }

    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    public void preview() {
        if (orderId == null) {
            FacesActions.besideField("order", Texts.get("notifications.templates.orderNeeded"));
            return;
        }
        Template draft = checkedDraft();
        if (draft != null) {
            preview = FacesActions.attempt(() -> previews.render(event, language, draft, orderId));
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        if (checkedDraft() != null && FacesActions.succeeded(() ->
                templates.save(event, channel, language, blank(subject), text, blank(html)))) {
            FacesActions.info(Texts.get("notifications.templates.saved"));
        }
    }

    /** The edited template, or null with the reason beside its field (no text, or Mustache it cannot read). */
    private Template checkedDraft() {
        if (text == null || text.isBlank()) {
            FacesActions.besideField("text", Texts.get("notifications.templates.textNeeded"));
            return null;
        }
        Template draft = draft();
        try {
            TemplateRenderer.render(draft, java.util.Map.of());
        } catch (IllegalArgumentException unreadable) {
            FacesActions.besideField("text", Texts.get("notifications.templates.unreadable", unreadable.getMessage()));
            return null;
        }
        return draft;
    }

    private Template draft() {
        Template shipped = templates.find(event, channel, language).orElse(null);
        return new Template(blank(subject), text, blank(html), shipped == null ? null : shipped.whatsappTemplate(),
                shipped == null ? List.of() : shipped.whatsappParameters());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public List<String> getVariables() {
        return TemplateVariables.of(event);
    }

    public boolean isAboutOrders() {
        return TemplateVariables.aboutOrders(event);
    }

    public NotificationEvent[] getEvents() {
        return NotificationEvent.values();
    }

    public Channel[] getChannels() {
        return Channel.values();
    }

    public List<String> getLanguages() {
        return List.of("es", "en", "fr");
    }

    public TemplatePreview.Preview getPreview() {
        return preview;
    }

    public NotificationEvent getEvent() {
        return event;
    }

    public void setEvent(NotificationEvent event) {
        this.event = event;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = Language.of(language);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }
}
