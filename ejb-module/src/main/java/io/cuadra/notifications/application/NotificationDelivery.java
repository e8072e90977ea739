package io.cuadra.notifications.application;

import io.cuadra.billing.application.CustomerCopies;
import io.cuadra.notifications.application.ChannelSender.Attachment;
import io.cuadra.notifications.application.ChannelSender.ProviderPaused;
import io.cuadra.notifications.application.ChannelSender.ProviderRefused;
import io.cuadra.notifications.application.ChannelSender.ProviderUnavailable;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Rendered;
import io.cuadra.notifications.domain.Template;
import io.cuadra.notifications.domain.TemplateRenderer;
import io.cuadra.notifications.infrastructure.ProviderGuard;
import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shared.outbox.OutboxRetry;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one queued notification after its business transaction committed: renders its template, hands it to
 * its channel's provider, and records the outcome. A message no longer QUEUED (a repeated outbox delivery) is
 * not sent again. 5xx, timeouts and rate limits are retried quickly by {@link ProviderGuard}, then with the
 * outbox's backoff up to {@code cuadra.notifications.max-attempts}; a 4xx fails the message at once; a provider
 * whose breaker is open leaves its messages QUEUED until it is tried again.
 */
@ApplicationScoped
public class NotificationDelivery implements OutboxHandler {

    @EJB
    NotificationLedger ledger;

    @EJB
    CustomerCopies copies;

    @EJB
    io.cuadra.reports.application.ScheduledReports scheduledReports;

    @Inject
    @Any
    Instance<ChannelSender> senders;

    @Inject
    ProviderGuard guard;

    /** Messages sent at once: independent of each other, they mostly wait on the provider's answer. */
    @Inject
    @ConfigProperty(name = "cuadra.notifications.parallelism", defaultValue = "8")
    int parallelism;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.max-attempts", defaultValue = "8")
    int maxAttempts;

    private final Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);

    @PostConstruct
    void index() {
        for (ChannelSender s : senders) {
            byChannel.put(s.channel(), s);
        }
        java.util.logging.Logger.getLogger(NotificationDelivery.class.getName()).info(() -> "Notification channels: "
                + byChannel.entrySet().stream().map(e -> e.getKey() + " by " + e.getValue().getClass().getName())
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    @Override
    public String topic() {
        return NotificationsQueue.TOPIC;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public void handle(OutboxMessage message) throws OutboxRetry {
        Optional<NotificationLedger.Prepared> prepared = ledger.prepare(message.aggregateId());
        if (prepared.isEmpty()) {
            return;
        }
        NotificationLedger.Pending p = prepared.get().message();
        ChannelSender sender = byChannel.get(p.channel());
        Optional<Template> template = prepared.get().template();
        if (sender == null || template.isEmpty()) {
            ledger.failed(p.id(), "No " + (sender == null ? "sender" : "template") + " for " + p.event() + " on "
                    + p.channel() + " in " + p.language() + ".", null);
            return;
        }
        Rendered content;
        try {
            content = TemplateRenderer.render(template.get(), p.variables());
        } catch (IllegalArgumentException e) {
            ledger.failed(p.id(), e.getMessage(), null);
            return;
        }
        List<Attachment> attachments = attachments(p);
        ChannelSender.Outgoing outgoing = new ChannelSender.Outgoing(p.id(), TenantContext.require().tenantId(),
                p.recipient(), p.language(), content, attachments, prepared.get().settings());
        try {
            ChannelSender.Receipt receipt = guard.send(sender, outgoing);
            ledger.sent(p.id(), receipt.providerId(), receipt.answer());
        } catch (ProviderPaused e) {
            // Nothing was sent: the message waits QUEUED without spending one of its attempts.
            ledger.waiting(p.id(), e.getMessage());
            throw OutboxRetry.postpone(e.getMessage(), e.until());
        } catch (ProviderRefused e) {
            ledger.failed(p.id(), "Refused by the provider.", e.getMessage());
        } catch (ProviderUnavailable | RuntimeException e) {
            // RuntimeException: the client broke in an unforeseen way. Worth another try, like a 5xx.
            String answer = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (message.attempt() >= maxAttempts) {
                ledger.failed(p.id(), "Gave up after " + message.attempt() + " attempts.", answer);
                return;
            }
            ledger.notYet(p.id(), answer);
            throw new OutboxRetry(answer, e);
        }
    }

    private List<Attachment> attachments(NotificationLedger.Pending p) {
        List<Attachment> out = new ArrayList<>();
        if (p.channel() == Channel.EMAIL && p.event() == NotificationEvent.INVOICE_SENT && p.documentId() != null) {
            copies.of(p.documentId()).ifPresent(c -> {
                out.add(new Attachment(c.pdf().fileName(), c.pdf().contentType(), c.pdf().content()));
                if (c.xml() != null) {
                    out.add(new Attachment(c.xml().fileName(), c.xml().contentType(), c.xml().content()));
                }
            });
        }
        if (p.channel() == Channel.EMAIL && p.event() == NotificationEvent.SCHEDULED_REPORT
                && p.variables().containsKey("runId")) {
            scheduledReports.file(Long.parseLong(p.variables().get("runId")))
                    .ifPresent(f -> out.add(new Attachment(f.fileName(), f.contentType(), f.content())));
        }
        return out;
    }
}
