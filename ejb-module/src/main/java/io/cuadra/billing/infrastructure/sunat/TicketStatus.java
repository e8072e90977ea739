package io.cuadra.billing.infrastructure.sunat;

import java.util.Objects;
import java.util.Optional;

/**
 * getStatus's answer for a ticket: SUNAT's statusCode 98 means still in process; 0 (processed) and 99
 * (processed with errors) come with the verdict and its CDR.
 */
public record TicketStatus(String ticket, boolean inProcess, Optional<SunatResult> result) {

    public TicketStatus {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(result, "result");
        if (inProcess == result.isPresent()) {
            throw new IllegalArgumentException("A ticket has a verdict exactly when it is no longer in process");
        }
    }

    static TicketStatus processing(String ticket) {
        return new TicketStatus(ticket, true, Optional.empty());
    }

    static TicketStatus processed(String ticket, SunatResult result) {
        return new TicketStatus(ticket, false, Optional.of(result));
    }
}
