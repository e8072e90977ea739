package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.NotificationEvent;
import java.util.Map;

/**
 * One message an event asks for, before consent is checked: to whom, on which channel, in which language,
 * about what (the ids the history filters by), with the template's variables.
 */
public record NotificationDraft(NotificationEvent event, Channel channel, String language, String recipient,
                                Long recipientUserId, Long customerId, Long orderId, Long documentId,
                                Long locationId, Map<String, String> variables, Consent consent) {

    public NotificationDraft {
        variables = Map.copyOf(variables);
    }
}
