package io.cuadra.notifications.domain;

import java.util.List;

/** A template filled with one message's variables: what goes on the wire. */
public record Rendered(String subject, String text, String html, String whatsappTemplate,
                       List<String> whatsappParameters) {
}
