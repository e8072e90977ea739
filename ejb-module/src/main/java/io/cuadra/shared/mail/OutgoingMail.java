package io.cuadra.shared.mail;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.outbox.Outbox;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Mail as a side effect of a business transaction: written in that transaction, handed to the SMTP
 * server by the outbox worker after commit ({@link MailDelivery}). A mail server that is down or slow
 * never fails nor slows the request that asked for the mail.
 */
@Stateless
public class OutgoingMail {

    public static final String TOPIC = "mail";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    Outbox outbox;

    /** Queues a plain-text mail for the current tenant. */
    public void send(String to, String subject, String body) {
        long id = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        String actor = TenantContext.actorName();
        CrossTenantSql.query(em, """
                        insert into outgoing_mail (id, tenant_id, recipient, subject, body, created_by, updated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?6)""")
                .setParameter(1, id)
                .setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, to)
                .setParameter(4, subject)
                .setParameter(5, body)
                .setParameter(6, actor)
                .executeUpdate();
        outbox.enqueue(TOPIC, id);
    }

    /** The queued mail, unless it was already handed over. */
    public Optional<Mail> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select recipient, subject, body from outgoing_mail where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Mail((String) r[0], (String) r[1], (String) r[2]));
    }

    /** The SMTP server took it: the body (which may hold a reset link) is kept no longer. */
    public void delivered(long id) {
        CrossTenantSql.query(em, "delete from outgoing_mail where id = ?1").setParameter(1, id).executeUpdate();
    }

    public record Mail(String to, String subject, String body) {
    }
}
