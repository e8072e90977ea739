package io.cuadra.notifications.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels a document goes out on to a customer: always e-mail (it carries the PDF and XML the customer
 * is entitled to), and the preferred WhatsApp or SMS besides. A missing address becomes a SUPPRESSED message
 * saying so, through {@link Consent}.
 */
public final class CustomerChannels {

    private CustomerChannels() {
    }

    public record Target(Channel channel, String address) {
    }

    public static List<Target> forDocument(String preferredChannel, String email, String phone) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(Channel.EMAIL, email));
        Channel.ofContact(preferredChannel).filter(c -> c != Channel.EMAIL)
                .ifPresent(c -> targets.add(new Target(c, phone)));
        return targets;
    }
}
