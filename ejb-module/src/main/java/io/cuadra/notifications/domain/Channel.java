package io.cuadra.notifications.domain;

/** Where a notification goes: e-mail, WhatsApp, SMS, or an in-app alert for a user of the back office. */
public enum Channel {
    EMAIL, WHATSAPP, SMS, ALERT;

    /** The customers' ContactChannel name this channel answers to (PHONE and NONE are never sent to). */
    public static java.util.Optional<Channel> ofContact(String contactChannel) {
        return switch (contactChannel == null ? "" : contactChannel) {
            case "EMAIL" -> java.util.Optional.of(EMAIL);
            case "WHATSAPP" -> java.util.Optional.of(WHATSAPP);
            case "SMS" -> java.util.Optional.of(SMS);
            default -> java.util.Optional.empty();
        };
    }
}
