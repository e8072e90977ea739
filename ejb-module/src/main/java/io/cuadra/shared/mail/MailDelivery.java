package io.cuadra.shared.mail;

import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shared.outbox.OutboxRetry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Hands one queued mail to the SMTP server; a refusal or an unreachable server is retried with backoff. */
@ApplicationScoped
public class MailDelivery implements OutboxHandler {

    @EJB
    OutgoingMail mail;

    @Inject
    Mailer mailer;

    @Override
    public String topic() {
        return OutgoingMail.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) throws OutboxRetry {
        var queued = mail.find(message.aggregateId());
        if (queued.isEmpty()) {
            return;
        }
        try {
            mailer.send(queued.get().to(), queued.get().subject(), queued.get().body());
        } catch (IllegalStateException e) {
            throw new OutboxRetry(e.getMessage(), e);
        }
        mail.delivered(message.aggregateId());
    }
}
