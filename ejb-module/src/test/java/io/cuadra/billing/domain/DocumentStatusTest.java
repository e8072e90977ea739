package io.cuadra.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class DocumentStatusTest {

    @Test
    void sunatDocumentsGoPendingSentThenAVerdict() {
        assertThat(DocumentStatus.PENDING.canMoveTo(DocumentStatus.SENT)).isTrue();
        assertThat(DocumentStatus.SENT.canMoveTo(DocumentStatus.ACCEPTED)).isTrue();
        assertThat(DocumentStatus.SENT.canMoveTo(DocumentStatus.ACCEPTED_WITH_OBSERVATIONS)).isTrue();
        assertThat(DocumentStatus.SENT.canMoveTo(DocumentStatus.REJECTED)).isTrue();
        assertThat(DocumentStatus.SENT.canMoveTo(DocumentStatus.PENDING)).as("retry after an exception").isTrue();
        assertThat(DocumentStatus.PENDING.canMoveTo(DocumentStatus.ACCEPTED)).as("never skips SENT").isFalse();
    }

    @Test
    void aRejectedDocumentIsFinalAndCannotBeCredited() {
        assertThat(DocumentStatus.REJECTED.successors()).isEmpty();
        assertThat(DocumentStatus.REJECTED.creditable()).isFalse();
        assertThat(DocumentStatus.CANCELLED.successors()).isEmpty();
        assertThat(DocumentStatus.ACCEPTED.canMoveTo(DocumentStatus.CANCELLED)).isTrue();
        assertThat(DocumentStatus.ISSUED.canMoveTo(DocumentStatus.CANCELLED)).isTrue();
    }

    @Test
    void aDocumentRefusesATransitionTheMachineDoesNotAllow() {
        BillingDocument d = new BillingDocument(BillingDocumentKind.BOLETA, 1, "B001", 7,
                Instant.parse("2026-11-22T03:30:00Z"), ZoneId.of("America/Lima"), Currency.getInstance("PEN"));
        assertThat(d.getStatus()).isEqualTo(DocumentStatus.PENDING);
        assertThat(d.getIssueDate()).as("the location's calendar, not UTC").hasToString("2026-11-21");
        assertThat(d.getDisplayNumber()).isEqualTo("B001-7");
        assertThatThrownBy(() -> d.moveTo(DocumentStatus.ACCEPTED)).isInstanceOf(IllegalStateException.class);
        assertThat(d.moveTo(DocumentStatus.SENT)).isEqualTo(DocumentStatus.PENDING);
    }

    @Test
    void frenchDocumentsAreIssuedAtOnceAndNumberedWithSixDigits() {
        BillingDocument d = new BillingDocument(BillingDocumentKind.FACTURE, 1, "F001", 12,
                Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Paris"), Currency.getInstance("EUR"));
        assertThat(d.getStatus()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(d.getDisplayNumber()).isEqualTo("F001-000012");
        assertThat(d.getTypeCode()).isEqualTo("FR");
    }
}
