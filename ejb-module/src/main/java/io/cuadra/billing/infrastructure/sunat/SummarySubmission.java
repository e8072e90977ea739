package io.cuadra.billing.infrastructure.sunat;

import java.util.Objects;

/** What sendSummary gives back: usually a ticket to poll; a rejection only when SUNAT refused it at once. */
public sealed interface SummarySubmission {

    record Ticket(String number) implements SummarySubmission {
        public Ticket {
            Objects.requireNonNull(number, "number");
        }
    }

    /** SUNAT answered the summary with a fault carrying a rejection code (2000–3999): there is no ticket. */
    record Rejected(SunatResult result) implements SummarySubmission {
        public Rejected {
            Objects.requireNonNull(result, "result");
        }
    }
}
