package io.cuadra.web.identity;

import io.cuadra.audit.application.AuditLogService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Action;
import io.cuadra.audit.domain.AuditChainCheck;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.identity.IdentityViews.AuditView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/** Audit viewer: filters, lazy paging, and the chain check. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AuditLogService audit;

    @EJB
    UserService users;

    /** Names of the tenant's users by id, read once per view: the log shows people, not ids. */
    private java.util.Map<Long, String> names;

    private Long userId;
    private String entityType;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private String verdict;

    private final LazyDataModel<AuditView> entries = PagedModel.of(
            this::page, row -> Long.toString(row.id()));

    private Page<AuditView> page(int number, int size) {
        // Days as the page shows the entries' instants: in the zone of the user's current location
        ZoneId zone = fmt.getZone();
        return audit.browse(userId, entityType, null, action, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), number, size).map(AuditView::of);
    }

    @Permitted(module = Module.AUDIT, action = Action.VIEW)
    public void verify() {
        var state = audit.chainState();
        AuditChainCheck check = state.check();
        verdict = check.broken()
                .map(b -> Texts.get("audit.broken", b.seq(), b.reason()))
                .orElseGet(() -> Texts.get("audit.intact", check.checked(), state.unsealed().count()));
        if (check.broken().isPresent()) {
            FacesActions.error(verdict);
        }
    }

    /** The line's changes as field / before / after, field names and values in the user's words where known. */
    public java.util.List<AuditChanges.Change> changes(AuditView a) {
        return AuditChanges.of(a.changes(), field -> {
            String key = "audit.field." + field;
            String text = Texts.get(key);
            return key.equals(text) ? field : text;
        }).stream().map(c -> new AuditChanges.Change(c.field(), value(c.before()), value(c.after()))).toList();
    }

    /** Where the words of a recorded code are looked for, in this order (a status, a payment kind, a unit…). */
    private static final java.util.List<String> CODE_WORDS = java.util.List.of("orders.status", "orders.paymentStatus",
            "orders.channel", "billing.status", "counts.status", "purchaseOrders.status", "reconciliation.status",
            "enum.PaymentMethod", "enum.MoveReference", "enum.CashOutcome", "enum.BankStatement", "catalog.unit",
            "lab.status", "notifications.status", "imports.status");
    private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z_]+");

    @jakarta.inject.Inject
    io.cuadra.web.l10n.Formats fmt;

    /** A value as stored (an ISO instant, a status code) as people read it: local time to the minute, words. */
    String value(String stored) {
        if (stored == null) {
            return null;
        }
        if (INSTANT.matcher(stored).matches()) {
            // stored without an offset: the database's UTC
            return fmt.instant(stored.endsWith("Z") || stored.matches(".*[+-]\\d{2}:\\d{2}")
                    ? java.time.OffsetDateTime.parse(stored)
                    : java.time.LocalDateTime.parse(stored).atOffset(java.time.ZoneOffset.UTC));
        }
        if (CODE.matcher(stored).matches()) {
            for (String prefix : CODE_WORDS) {
                String key = prefix + "." + stored;
                String text = Texts.get(key);
                if (!key.equals(text)) {
                    return text;
                }
            }
        }
        return stored;
    }

    /**
     * What was done, in words: the action's own key, else that of its verb ("location.updated" is "Modificó", as
     * the entity column names the location), else the action as recorded.
     */
    public String action(AuditView a) {
        String action = a.action();
        if (action == null) {
            return "";
        }
        for (String key : java.util.List.of("audit.action." + action,
                "audit.action." + action.substring(action.lastIndexOf('.') + 1))) {
            String text = Texts.get(key);
            if (!key.equals(text)) {
                return text;
            }
        }
        return action;
    }

    /** Who did it: the user's name, with the e-mail they signed in with. */
    public String who(AuditView a) {
        if (a.userId() == null) {
            return a.user() == null ? "" : a.user();
        }
        if (names == null) {
            names = new java.util.HashMap<>();
            users.list().forEach(u -> names.put(u.getId(), u.fullName()));
        }
        String name = names.get(a.userId());
        return name == null ? String.valueOf(a.user()) : name + (a.user() == null ? "" : " (" + a.user() + ")");
    }

    public LazyDataModel<AuditView> getEntries() {
        return entries;
    }

    public String getVerdict() {
        return verdict;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
