package io.cuadra.web.notifications;

import io.cuadra.customers.application.CustomerContacts;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.DeliveryRules;
import io.cuadra.notifications.application.LotExpiryNotices;
import io.cuadra.notifications.application.NotificationFilter;
import io.cuadra.notifications.application.NotificationHistory;
import io.cuadra.notifications.application.NotificationHistory.AlertsView;
import io.cuadra.notifications.application.NotificationSettings;
import io.cuadra.notifications.application.NotificationView;
import io.cuadra.notifications.application.ProviderSettings;
import io.cuadra.notifications.application.TemplateStore;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.notifications.domain.Template;
import io.cuadra.notifications.domain.TemplateRenderer;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.platform.PageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notifications: the history of what was sent to whom (filter, resend), the caller's in-app alerts, a customer's
 * opt-outs per channel, the tenant's provider settings and templates.
 */
@RequestScoped
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
public class NotificationsResource {

    @EJB
    NotificationHistory history;

    @EJB
    NotificationSettings settings;

    @EJB
    TemplateStore templates;

    @EJB
    CustomerContacts contacts;

    @EJB
    DeliveryRules deliveryRules;

    @EJB
    LotExpiryNotices lotExpiry;

    @GET
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "List messages, newest first, by order, customer, channel (EMAIL, WHATSAPP, SMS, ALERT) and"
            + " status (QUEUED, SENT, DELIVERED, FAILED, SUPPRESSED)")
    public PageView<NotificationView> listNotifications(@QueryParam("orderId") Long orderId, @QueryParam("customerId") Long customerId,
                                      @QueryParam("channel") Channel channel,
                                      @QueryParam("status") NotificationStatus status,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<NotificationView> p = history.list(new NotificationFilter(orderId, customerId, channel, status),
                Page.number(page), Page.size(size, 50));
        return PageView.of(p);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "Read one message with its attempts, provider id and answer")
    public NotificationView getNotification(@PathParam("id") long id) {
        return history.get(id);
    }

    @POST
    @Path("{id}/resend")
    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    @Operation(summary = "Send a message again, as a new message (consent is judged again)")
    public NotificationView resendNotification(@PathParam("id") long id) {
        return history.resend(id);
    }

    @GET
    @Path("alerts")
    @Operation(summary = "The caller's in-app alerts (newest first) and how many are unread")
    public AlertsView myAlerts(@QueryParam("unread") Boolean unreadOnly) {
        return history.alerts(Boolean.TRUE.equals(unreadOnly), 50);
    }

    @POST
    @Path("alerts/{id}/read")
    @Operation(summary = "Mark one of the caller's alerts read")
    public AlertsView markAlertRead(@PathParam("id") long id) {
        history.markRead(id);
        return new AlertsView(history.unreadCount(), List.of());
    }

    @POST
    @Path("alerts/read")
    @Operation(summary = "Mark all of the caller's alerts read")
    public AlertsView markAllAlertsRead() {
        history.markAllRead();
        return new AlertsView(0, List.of());
    }

    @Schema(name = "NotificationConsentBody")
    public static final class ConsentBody {
        @Schema(type = SchemaType.ARRAY, implementation = String.class,
                description = "Channels the customer refuses: EMAIL, SMS, WHATSAPP (empty: none)")
        @NotNull
        @Size(max = 3)
        public List<String> optedOut;
    }

    @PUT
    @Path("consent/customers/{customerId}")
    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    @Operation(summary = "Record the channels a customer refuses (replaces the previous choice)")
    public CustomerContacts.Contact setConsent(@PathParam("customerId") long customerId, @Valid @NotNull ConsentBody body) {
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        for (String c : body.optedOut) {
            ContactChannel channel = enumValue("optedOut", ContactChannel.class, c);
            if (channel == null || channel == ContactChannel.PHONE || channel == ContactChannel.NONE) {
                throw new RuleViolation("optedOut: " + c + " is not one of [EMAIL, SMS, WHATSAPP]");
            }
            channels.add(channel);
        }
        return contacts.optOut(customerId, channels);
    }

    @GET
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(summary = "The tenant's provider settings over the configured defaults (secrets hidden)")
    public ProviderSettings getSettings() {
        return settings.current().masked();
    }

    @GET
    @Path("providers")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getNotificationProviders",
            summary = "How the tenant's providers are doing: each circuit breaker (CLOSED, OPEN = paused until"
                    + " pausedUntil, HALF_OPEN = one trial call out) with its failures in a row")
    @APIResponse(responseCode = "200", description = "One row per channel",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = NotificationSettings.ProviderHealth.class)))
    public List<NotificationSettings.ProviderHealth> getProviders() {
        return settings.health();
    }

    @PUT
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Set the tenant's provider URLs, credentials and senders; blank takes the default,"
            + " **** keeps the stored secret")
    public ProviderSettings putSettings(@NotNull ProviderSettings body) {
        return settings.save(body).masked();
    }

    @Schema(name = "NotificationTemplateBody")
    public static final class TemplateBody {
        @Size(max = 300)
        public String subject;
        @NotBlank
        @Size(max = 20000)
        public String text;
        @Size(max = 50000)
        public String html;
        @Schema(description = "Variables to preview the template with")
        public Map<String, String> sample;
    }

    public record TemplateView(String event, String channel, String language, String subject, String text,
                               String html, String whatsappTemplate, List<String> whatsappParameters) {
    }

    @GET
    @Path("templates/{event}/{channel}/{language}")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(summary = "The template in force (the tenant's own, else the shipped default)")
    public TemplateView getTemplate(@PathParam("event") String event, @PathParam("channel") String channel,
                                    @PathParam("language") String language) {
        NotificationEvent e = enumValue("event", NotificationEvent.class, event);
        Channel c = enumValue("channel", Channel.class, channel);
        Template t = templates.find(e, c, language).orElseThrow(() ->
                new io.cuadra.shared.domain.NotFound("No template for " + e + " on " + c + "."));
        return new TemplateView(e.name(), c.name(), language, t.subject(), t.text(), t.html(), t.whatsappTemplate(),
                t.whatsappParameters());
    }

    @PUT
    @Path("templates/{event}/{channel}/{language}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Write the tenant's own template; answers it rendered with the sample variables (preview)")
    public TemplateView putTemplate(@PathParam("event") String event, @PathParam("channel") String channel,
                                    @PathParam("language") String language, @Valid @NotNull TemplateBody body) {
        // Path text read after the body: a refused parameter before a large body closes the connection (EOF).
        NotificationEvent e = enumValue("event", NotificationEvent.class, event);
        Channel c = enumValue("channel", Channel.class, channel);
        if (!io.cuadra.notifications.domain.Language.SUPPORTED.contains(language)) {
            throw new RuleViolation("language: " + language + " is not one of es, en, fr");
        }
        var preview = preview(new Template(body.subject, body.text, body.html, null, List.of()), body.sample);
        templates.save(e, c, language, body.subject, body.text, body.html);
        return new TemplateView(e.name(), c.name(), language, preview.subject(), preview.text(), preview.html(), null,
                List.of());
    }

    private static io.cuadra.notifications.domain.Rendered preview(Template t, Map<String, String> sample) {
        try {
            return TemplateRenderer.render(t, sample == null ? Map.of() : sample);
        } catch (IllegalArgumentException ex) {
            throw new RuleViolation(ex.getMessage());
        }
    }

    @Schema(name = "NotificationDeliveryRulesBody")
    public static final class DeliveryRulesBody {
        @Schema(description = "Non-urgent messages per recipient and hour on one channel; null: the configured"
                + " default (cuadra.notifications.recipient-per-hour), 0: no limit")
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(100000)
        public Integer recipientPerHour;
        @Schema(description = "Quiet hours per location to set; from and until null remove them")
        @Valid
        public List<QuietHoursBody> quietHours;
    }

    @Schema(name = "NotificationQuietHoursBody")
    public static final class QuietHoursBody {
        @NotNull
        public Long locationId;
        @Schema(description = "Local time of the location, HH:mm[:ss]", pattern = "^\\d{2}:\\d{2}(:\\d{2})?$")
        @jakarta.validation.constraints.Pattern(regexp = "\\d{2}:\\d{2}(:\\d{2})?")
        public String from;
        @Schema(description = "Local time of the location, HH:mm[:ss]; before from: the span wraps past midnight",
                pattern = "^\\d{2}:\\d{2}(:\\d{2})?$")
        @jakarta.validation.constraints.Pattern(regexp = "\\d{2}:\\d{2}(:\\d{2})?")
        public String until;
    }

    @GET
    @Path("delivery-rules")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getNotificationDeliveryRules",
            summary = "The per-recipient limit and the quiet hours per location (non-urgent messages wait)")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(implementation = DeliveryRules.Rules.class)))
    public DeliveryRules.Rules getDeliveryRules() {
        return deliveryRules.current();
    }

    @PUT
    @Path("delivery-rules")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "putNotificationDeliveryRules",
            summary = "Set the per-recipient limit and the quiet hours of the locations listed")
    @APIResponse(responseCode = "200", description = "The rules now",
            content = @Content(schema = @Schema(implementation = DeliveryRules.Rules.class)))
    public DeliveryRules.Rules putDeliveryRules(@Valid @NotNull DeliveryRulesBody body) {
        List<DeliveryRules.LocationQuietHours> quiet = body.quietHours == null ? List.of()
                : body.quietHours.stream().map(q -> new DeliveryRules.LocationQuietHours(q.locationId,
                        localTime("from", q.from), localTime("until", q.until))).toList();
        return deliveryRules.save(body.recipientPerHour, quiet);
    }

    public record LotExpiryCheck(int lotsWarned) {
    }

    @POST
    @Path("lot-expiry/check")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "checkLotExpiry",
            summary = "Run the daily lot expiry check of the tenant now (each lot warned once per location day)")
    @APIResponse(responseCode = "200", description = "How many lots were warned about now",
            content = @Content(schema = @Schema(implementation = LotExpiryCheck.class)))
    public LotExpiryCheck checkLotExpiry() {
        return new LotExpiryCheck(lotExpiry.check());
    }

    private static java.time.LocalTime localTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation(name + ": " + value + " is not a time of day (HH:mm)")
                    .withKey("notifications.timeOfDay", name, value);
        }
    }

    static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(name + ": " + value + " is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
