package io.cuadra.notifications.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message may go to a recipient on a channel: the recipient's own opt-outs (all channels, or one by
 * one) and an address that can be used at all. A refusal is the reason the history shows with SUPPRESSED; such
 * a message is never retried.
 */
public record Consent(boolean allOptedOut, Set<Channel> optedOut) {

    /** Deliberately simple: one @, no spaces, a dot in the domain; the SMTP server judges the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    /** E.164: +, country code, up to 15 digits in all (the customers component stores phones this way). */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    public static Consent everything() {
        return new Consent(false, Set.of());
    }

    public Consent {
        optedOut = Set.copyOf(optedOut);
    }

    /** Empty when the message may go; otherwise why it must not. */
    public Optional<String> refusal(Channel channel, String address) {
        if (channel == Channel.ALERT) {
            return Optional.empty();
        }
        if (allOptedOut) {
            return Optional.of("The recipient opted out of all messages.");
        }
        if (optedOut.contains(channel)) {
            return Optional.of("The recipient opted out of " + channel + ".");
        }
        if (address == null || address.isBlank()) {
            return Optional.of(channel == Channel.EMAIL ? "No e-mail address." : "No phone number.");
        }
        if (channel == Channel.EMAIL && !EMAIL.matcher(address.strip()).matches()) {
            return Optional.of("Invalid e-mail address: " + address.strip());
        }
        if ((channel == Channel.SMS || channel == Channel.WHATSAPP) && !E164.matcher(address.strip()).matches()) {
            return Optional.of("Invalid phone number (E.164 expected): " + address.strip());
        }
        return Optional.empty();
    }
}
