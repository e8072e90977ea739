package io.cuadra.notifications.application;

import io.cuadra.customers.application.CustomerContacts;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Rendered;
import io.cuadra.notifications.domain.Template;
import io.cuadra.notifications.domain.TemplateRenderer;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.orders.application.OrderSnapshots;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A template rendered on a real order, by the same renderer the delivery uses: with the variables the order's own
 * message of that event carried when there is one (exactly what its customer received), else the order's own
 * figures (number, date, total, customer, company) with the document's fields left to the message.
 */
@Stateless
public class TemplatePreview {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    OrderSnapshots orders;

    @EJB
    CustomerContacts contacts;

    @EJB
    CompanyService companies;

    /** What a preview shows: the rendered parts and the variables they were filled with. */
    public record Preview(String subject, String text, String html, List<String> whatsappParameters,
                          Map<String, String> variables, boolean fromMessage) implements java.io.Serializable {
    }

    public Preview render(NotificationEvent event, String language, Template template, long orderId) {
        OrderSnapshot o = orders.of(orderId);
        if (CurrentCaller.get().map(c -> !c.worksAt(o.locationId())).orElse(false)) {
            throw new NotFound("No order " + orderId + ".").withKey("orders.order", orderId);
        }
        Map<String, String> variables = new HashMap<>(orderVariables(o, Language.of(language)));
        boolean fromMessage = false;
        if (!event.secret()) {
            @SuppressWarnings("unchecked")
            List<String> sent = CrossTenantSql.query(em, """
                    select variables from notification_messages where tenant_id = ?1 and order_id = ?2 and event = ?3
                     order by (language = ?4) desc, id desc limit 1""")
                    .setParameter(1, TenantContext.require().tenantId()).setParameter(2, orderId)
                    .setParameter(3, event.name()).setParameter(4, Language.of(language)).getResultList();
            if (!sent.isEmpty()) {
                variables.putAll(NotificationLedger.variables(sent.get(0)));
                fromMessage = true;
            }
        }
        Rendered r;
        try {
            r = TemplateRenderer.render(template, variables);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage()).withKey("notifications.templateUnreadable", e.getMessage());
        }
        return new Preview(r.subject(), r.text(), r.html(), r.whatsappParameters(), Map.copyOf(variables), fromMessage);
    }

    private Map<String, String> orderVariables(OrderSnapshot o, String language) {
        Map<String, String> v = new HashMap<>();
        Location location = em.find(Location.class, o.locationId());
        v.put("orderNumber", o.number());
        v.put("orderDate", LocalDate.ofInstant(o.registeredAt(), location == null ? ZoneOffset.UTC : location.zone())
                .toString());
        v.put("locationCode", o.locationCode());
        v.put("locationName", location == null ? "" : location.getName());
        v.put("lineCount", Integer.toString(o.lines().size()));
        v.put("total", Wording.amount(o.total(), o.currency()));
        v.put("reference", o.number());
        Company company = companies.current();
        v.put("companyName", company.getTradeName() != null ? company.getTradeName() : company.getLegalName());
        if (o.customerId() != null) {
            contacts.of(o.customerId()).ifPresent(c -> v.put("customerName", c.name()));
        }
        v.putIfAbsent("customerName", "");
        return v;
    }
}
