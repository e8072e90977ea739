package io.cuadra.reconciliation.domain.bank;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matches move their credits and links together: matched, undone, suggested, dismissed; ignoring a credit. */
class BankMatchTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static BankTransaction credit(long id, String amount) throws Exception {
        BankProfile profile = BankProfile.builder("BCP", "PEN").date(0, "dd/MM/yyyy").amount(1).description(2).build();
        StatementImport read = StatementImport.read(profile, "191-1", List.of(List.of("20/11/2026", amount, "ABONO " + id)));
        BankTransaction t = new BankTransaction(null, read.transactions().get(0));
        Field f = io.cuadra.shared.tenancy.TenantScoped.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(t, id);
        return t;
    }

    private static OpenPayment payment(long id, long order, String amount) {
        return new OpenPayment(id, order, "LIM01-2026-00000" + order, PaymentKind.TRANSFER, DAY, Money.of(amount, "PEN"),
                "OP-" + id, "María González", false);
    }

    @Test
    void aManualMatchStandsAndCanBeUndoneWithAReason() throws Exception {
        BankTransaction deposit = credit(1, "150.00");
        BankMatch m = BankMatch.manual(List.of(deposit), List.of(payment(11, 1, "100.00"), payment(12, 2, "50.00")),
                " un depósito, dos pedidos ", "sup", NOW);
        assertThat(m.getStatus()).isEqualTo(BankMatch.Status.MATCHED);
        assertThat(m.getOrigin()).isEqualTo(BankMatch.Origin.MANUAL);
        assertThat(m.getCreditTotal()).isEqualByComparingTo("150.00");
        assertThat(m.getPaymentTotal()).isEqualByComparingTo("150.00");
        assertThat(deposit.getStatus()).isEqualTo(CreditState.MATCHED);
        assertThat(m.getCredits()).allMatch(BankMatchCredit::isActive);
        assertThat(m.getPayments()).allMatch(BankMatchPayment::isActive);

        assertThatThrownBy(() -> m.unmatch(" ", "sup", NOW)).isInstanceOf(RuleViolation.class);
        m.unmatch("pedido equivocado", "sup", NOW);
        assertThat(m.getStatus()).isEqualTo(BankMatch.Status.UNMATCHED);
        assertThat(deposit.getStatus()).isEqualTo(CreditState.UNMATCHED);
        assertThat(m.getCredits()).noneMatch(BankMatchCredit::isActive);
        assertThat(m.getPayments()).noneMatch(BankMatchPayment::isActive);
        assertThatThrownBy(() -> m.unmatch("again", "sup", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aCreditInAStandingMatchCannotBeMatchedAgainNorIgnored() throws Exception {
        BankTransaction deposit = credit(1, "100.00");
        BankMatch.manual(List.of(deposit), List.of(payment(11, 1, "100.00")), null, "sup", NOW);
        assertThatThrownBy(() -> BankMatch.manual(List.of(deposit), List.of(payment(12, 2, "100.00")), null, "sup", NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> deposit.ignore("interés", "sup", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void suggestionsWaitUntilAcceptedOrDismissed() throws Exception {
        BankTransaction deposit = credit(7, "80.00");
        OpenPayment p = payment(70, 7, "80.00");
        MatchProposal proposal = new MatchProposal(MatchShape.ONE_TO_ONE, List.of(deposit.toCredit()), List.of(p),
                new ScoreBreakdown(1, 1, 0, 0.2, 2));
        BankMatch suggested = BankMatch.proposed(proposal, Map.of(7L, deposit), false, "job", NOW);
        assertThat(suggested.getStatus()).isEqualTo(BankMatch.Status.SUGGESTED);
        assertThat(suggested.getScore()).isEqualByComparingTo("0.5800");
        assertThat(deposit.getStatus()).isEqualTo(CreditState.UNMATCHED);
        suggested.accept("sup", NOW);
        assertThat(suggested.getStatus()).isEqualTo(BankMatch.Status.MATCHED);
        assertThat(suggested.getOrigin()).isEqualTo(BankMatch.Origin.SUGGESTION);
        assertThat(deposit.getStatus()).isEqualTo(CreditState.MATCHED);
        assertThatThrownBy(() -> suggested.dismiss("sup", NOW)).isInstanceOf(Conflict.class);

        BankTransaction other = credit(8, "80.00");
        BankMatch auto = BankMatch.proposed(new MatchProposal(MatchShape.ONE_TO_ONE, List.of(other.toCredit()),
                List.of(payment(80, 8, "80.00")), new ScoreBreakdown(1, 1, 1, 1, 2)), Map.of(8L, other), true, "job", NOW);
        assertThat(auto.getStatus()).isEqualTo(BankMatch.Status.MATCHED);
        assertThat(auto.getOrigin()).isEqualTo(BankMatch.Origin.AUTO);
        assertThat(other.getStatus()).isEqualTo(CreditState.MATCHED);
    }

    @Test
    void ignoringNeedsAReasonAndAnUnmatchedCredit() throws Exception {
        BankTransaction t = credit(3, "12.00");
        assertThatThrownBy(() -> t.ignore(" ", "sup", NOW)).isInstanceOf(RuleViolation.class);
        t.ignore("Intereses del mes", "sup", NOW);
        assertThat(t.getStatus()).isEqualTo(CreditState.IGNORED);
        BankTransaction debit = credit(4, "-12.00");
        assertThatThrownBy(() -> debit.ignore("x", "sup", NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> BankMatch.manual(List.of(debit), List.of(payment(1, 1, "12.00")), null, "s", NOW))
                .isInstanceOf(RuleViolation.class);
    }
}
