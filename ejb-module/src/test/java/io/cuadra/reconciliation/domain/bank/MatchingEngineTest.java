package io.cuadra.reconciliation.domain.bank;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class MatchingEngineTest {

    private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);
    private final MatchingEngine engine = new MatchingEngine(MatchingPolicy.defaults());

    private static BankCredit credit(String id, LocalDate date, String amount, String reference, String description,
                                     String counterparty) {
        return new BankCredit(id, date, Money.of(amount, "PEN"), reference, description, counterparty, CreditState.UNMATCHED);
    }

    private static OpenPayment payment(long id, long orderId, PaymentKind kind, LocalDate date, String amount,
                                       String reference, String customer) {
        return new OpenPayment(id, orderId, String.format("A-%04d", orderId), kind, date, Money.of(amount, "PEN"),
                reference, customer, false);
    }

    @Test
    void exactAmountSameDayEqualReferenceAndNameIsMatchedAutomatically() {
        BankCredit c = credit("C1", NOV_20, "350.00", "00123456", "TRANSF INTERBANCARIA", "MARIA GONZALEZ");
        OpenPayment p = payment(1, 4, PaymentKind.TRANSFER, NOV_20, "350.00", "123456", "María González");

        MatchingResult result = engine.propose(List.of(c), List.of(p));

        assertThat(result.automatic()).singleElement().satisfies(m -> {
            assertThat(m.shape()).isEqualTo(MatchShape.ONE_TO_ONE);
            assertThat(m.creditIds()).containsExactly("C1");
            assertThat(m.paymentIds()).containsExactly(1L);
            assertThat(m.breakdown()).isEqualTo(new ScoreBreakdown(1, 1, 1, 1, 2));
            assertThat(m.score()).isEqualTo(1.0);
        });
        assertThat(result.suggestions()).isEmpty();
    }

    @Test
    void amountAndDateAloneOnlySuggest() {
        BankCredit c = credit("C1", NOV_20, "350.00", null, "DEPOSITO EN EFECTIVO", null);
        OpenPayment p = payment(1, 4, PaymentKind.WALLET, NOV_20, "350.00", null, "María González");

        MatchingResult result = engine.propose(List.of(c), List.of(p));

        assertThat(result.automatic()).isEmpty();
        assertThat(result.suggestions()).singleElement().extracting(MatchProposal::score).isEqualTo(0.55);
    }

    @Test
    void oneDepositForTwoPayments() {
        // Carlos paid two orders with one transfer and the cashier typed its number on both payments.
        BankCredit deposit = credit("C1", NOV_20, "200.00", "778899", "PAGO PEDIDOS", "CARLOS QUISPE");
        OpenPayment first = payment(10, 10, PaymentKind.TRANSFER, NOV_20, "120.00", "778899", "Carlos Quispe");
        OpenPayment second = payment(11, 11, PaymentKind.TRANSFER, NOV_20, "80.00", "778899", "Carlos Quispe");
        // Same amount as the deposit, a day earlier, someone else: a weaker one-to-one rival.
        OpenPayment lookalike = payment(12, 12, PaymentKind.TRANSFER, NOV_20.minusDays(1), "200.00", "445566", "Lucía Ramos");

        MatchingResult result = engine.propose(List.of(deposit), List.of(first, second, lookalike));

        assertThat(result.automatic()).singleElement().satisfies(m -> {
            assertThat(m.shape()).isEqualTo(MatchShape.ONE_CREDIT_MANY_PAYMENTS);
            assertThat(m.paymentIds()).containsExactly(10L, 11L);
            assertThat(m.paymentTotal()).isEqualTo(m.creditTotal());
            // 0.40 + 0.15 + 0.30 + 0.15 - 0.05 for the third item
            assertThat(m.score()).isEqualTo(0.95);
        });
        assertThat(result.suggestions()).isEmpty();
    }

    @Test
    void twoDepositsForOneOrder() {
        // Rosa paid order A-0020 in two deposits, one the next day, naming the order.
        OpenPayment order = payment(20, 20, PaymentKind.TRANSFER, NOV_20, "1500.00", null, "Rosa Huamán");
        BankCredit part1 = credit("C-B", NOV_20, "1000.00", null, "DEP A-0020", "ROSA HUAMAN");
        BankCredit part2 = credit("C-A", NOV_20.plusDays(1), "500.00", null, "DEP A-0020 SALDO", "ROSA HUAMAN");
        BankCredit unrelated = credit("C-C", NOV_20, "730.00", null, "ABONO", "EMPRESA SAC");

        MatchingResult result = engine.propose(List.of(part2, unrelated, part1), List.of(order));

        assertThat(result.automatic()).singleElement().satisfies(m -> {
            assertThat(m.shape()).isEqualTo(MatchShape.MANY_CREDITS_ONE_ORDER);
            assertThat(m.creditIds()).containsExactly("C-B", "C-A");
            assertThat(m.paymentIds()).containsExactly(20L);
            assertThat(m.breakdown().date()).isEqualTo((1.0 + 0.75) / 2);
            assertThat(m.breakdown().reference()).isEqualTo(ReferenceSimilarity.CONTAINED);
            // 0.40 + 0.15 * 0.875 + 0.30 * 0.8 + 0.15 - 0.05
            assertThat(m.score()).isCloseTo(0.87125, within(0.0001));
        });
    }

    @Test
    void amountToleranceEdge() {
        OpenPayment p = payment(1, 1, PaymentKind.CARD, NOV_20, "99.00", "V-1", "Ana Torres");
        BankCredit atTolerance = credit("C1", NOV_20, "100.00", "V-1", "VISANET ABONO", "ANA TORRES");
        BankCredit beyond = credit("C2", NOV_20, "100.01", "V-1", "VISANET ABONO", "ANA TORRES");

        MatchingResult edge = engine.propose(List.of(atTolerance), List.of(p));
        MatchingResult outside = engine.propose(List.of(beyond), List.of(p));

        assertThat(edge.automatic()).singleElement().satisfies(m -> {
            assertThat(m.breakdown().amount()).isEqualTo(0.5);
            assertThat(m.score()).isEqualTo(0.80);
        });
        assertThat(outside.automatic()).isEmpty();
        assertThat(outside.suggestions()).isEmpty();
    }

    @Test
    void toleranceIsPolicy() {
        MatchingEngine strict = new MatchingEngine(MatchingPolicy.defaults().withAmountTolerance("0.00"));
        OpenPayment p = payment(1, 1, PaymentKind.CARD, NOV_20, "99.99", "V-1", "Ana Torres");
        BankCredit c = credit("C1", NOV_20, "100.00", "V-1", "VISANET", "ANA TORRES");

        assertThat(strict.propose(List.of(c), List.of(p)).automatic()).isEmpty();
        assertThat(engine.propose(List.of(c), List.of(p)).automatic()).hasSize(1);
    }

    @Test
    void dateWindowEdgeOnBothSides() {
        OpenPayment p = payment(1, 1, PaymentKind.TRANSFER, NOV_20, "60.00", "OP-555", "Ana Torres");
        BankCredit threeDaysLater = credit("C1", NOV_20.plusDays(3), "60.00", "OP-555", "TRANSF", "ANA TORRES");
        BankCredit threeDaysBefore = credit("C2", NOV_20.minusDays(3), "60.00", "OP-555", "TRANSF", "ANA TORRES");
        BankCredit fourDaysLater = credit("C3", NOV_20.plusDays(4), "60.00", "OP-555", "TRANSF", "ANA TORRES");

        assertThat(engine.propose(List.of(threeDaysLater), List.of(p)).automatic()).singleElement()
                .satisfies(m -> assertThat(m.breakdown().date()).isEqualTo(0.25));
        assertThat(engine.propose(List.of(threeDaysBefore), List.of(p)).automatic()).hasSize(1);
        MatchingResult tooLate = engine.propose(List.of(fourDaysLater), List.of(p));
        assertThat(tooLate.automatic()).isEmpty();
        assertThat(tooLate.suggestions()).isEmpty();
        MatchingResult wider = new MatchingEngine(MatchingPolicy.defaults().withDateWindowDays(4))
                .propose(List.of(fourDaysLater), List.of(p));
        assertThat(wider.automatic()).hasSize(1);
    }

    @Test
    void payerNameWithoutAccentsStillCounts() {
        OpenPayment p = payment(1, 1, PaymentKind.WALLET, NOV_20, "45.00", null, "María González");
        BankCredit sameName = credit("C1", NOV_20, "45.00", null, "YAPE RECIBIDO", "MARIA GONZALEZ");
        BankCredit otherName = credit("C2", NOV_20, "45.00", null, "YAPE RECIBIDO", "PEDRO SALAS");

        MatchingResult result = engine.propose(List.of(sameName, otherName), List.of(p));

        // Both only suggest (no reference), but the namesake ranks first.
        assertThat(result.automatic()).isEmpty();
        assertThat(result.suggestions()).extracting(m -> m.creditIds().get(0), MatchProposal::score)
                .containsExactly(tuple("C1", 0.70), tuple("C2", 0.55));
    }

    @Test
    void equallyGoodRivalsAreLeftForAPersonToDecide() {
        MatchingEngine eager = new MatchingEngine(new MatchingPolicy(new BigDecimal("1.00"), 3, 0.60, 0.40,
                0.05, 4, 12, 20_000, 3));
        // Ana has two open orders of 50.00 and one deposit of 50.00: which one did she pay?
        OpenPayment a = payment(1, 1, PaymentKind.WALLET, NOV_20, "50.00", null, "Ana Torres");
        OpenPayment b = payment(2, 2, PaymentKind.WALLET, NOV_20, "50.00", null, "Ana Torres");
        BankCredit c = credit("C1", NOV_20, "50.00", null, "PLIN", "ANA TORRES");

        MatchingResult result = eager.propose(List.of(c), List.of(a, b));

        assertThat(result.automatic()).isEmpty();
        assertThat(result.suggestions()).extracting(MatchProposal::paymentIds)
                .containsExactly(List.of(1L), List.of(2L));
    }

    @Test
    void matchedPaymentsMatchedOrIgnoredCreditsDebitsAndCashAreNeverProposed() {
        OpenPayment matched = new OpenPayment(1, 1, "A-0001", PaymentKind.TRANSFER, NOV_20, Money.of("10.00", "PEN"),
                "R1", "Ana", true);
        OpenPayment cash = payment(2, 2, PaymentKind.CASH, NOV_20, "25.00", null, "Ana");
        OpenPayment open = payment(3, 3, PaymentKind.TRANSFER, NOV_20, "30.00", "R3", "Ana");
        BankCredit alreadyMatched = new BankCredit("C1", NOV_20, Money.of("30.00", "PEN"), "R3", "", "ANA",
                CreditState.MATCHED);
        BankCredit ignored = new BankCredit("C2", NOV_20, Money.of("30.00", "PEN"), "R3", "", "ANA", CreditState.IGNORED);
        BankCredit debit = credit("C3", NOV_20, "-30.00", "R3", "", "ANA");
        BankCredit forMatched = credit("C4", NOV_20, "10.00", "R1", "", "ANA");
        // 10.00 + 25.00 cannot add up to the open 30.00 either.
        BankCredit forCash = credit("C5", NOV_20, "25.00", null, "", "ANA");

        MatchingResult result = engine.propose(List.of(alreadyMatched, ignored, debit, forMatched, forCash),
                List.of(matched, cash, open));

        assertThat(result.automatic()).isEmpty();
        assertThat(result.suggestions()).isEmpty();
    }

    @Test
    void aCreditMatchedAutomaticallyIsNotSuggestedElsewhere() {
        BankCredit c = credit("C1", NOV_20, "80.00", "OP-9", "TRANSF", "LUIS ROJAS");
        OpenPayment right = payment(1, 1, PaymentKind.TRANSFER, NOV_20, "80.00", "OP-9", "Luis Rojas");
        OpenPayment other = payment(2, 2, PaymentKind.TRANSFER, NOV_20, "80.00", null, "Eva Díaz");

        MatchingResult result = engine.propose(List.of(c), List.of(right, other));

        assertThat(result.automatic()).extracting(MatchProposal::paymentIds).containsExactly(List.of(1L));
        assertThat(result.suggestions()).isEmpty();
    }

    @Test
    void groupSearchStaysBoundedOnABusyDay() {
        // Forty identical 10.00 Yape payments and one 40.00 credit: thousands of equal groups exist.
        List<OpenPayment> payments = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            payments.add(payment(i, i, PaymentKind.WALLET, NOV_20, "10.00", null, "Cliente " + i));
        }
        BankCredit c = credit("C1", NOV_20, "40.00", null, "YAPE", "VARIOS");

        MatchingResult result = engine.propose(List.of(c), payments);

        assertThat(result.automatic()).isEmpty();
        assertThat(result.suggestions()).hasSizeLessThanOrEqualTo(MatchingPolicy.defaults().suggestionsPerCredit());
    }

    @Test
    void outputDoesNotDependOnInputOrder() {
        List<BankCredit> credits = new ArrayList<>(List.of(
                credit("C1", NOV_20, "200.00", "778899", "PAGO PEDIDOS", "CARLOS QUISPE"),
                credit("C2", NOV_20, "1000.00", null, "DEP A-0020", "ROSA HUAMAN"),
                credit("C3", NOV_20.plusDays(1), "500.00", null, "DEP A-0020 SALDO", "ROSA HUAMAN"),
                credit("C4", NOV_20, "45.00", null, "YAPE RECIBIDO", "MARIA GONZALEZ"),
                credit("C5", NOV_20, "50.00", null, "PLIN", "ANA TORRES")));
        List<OpenPayment> payments = new ArrayList<>(List.of(
                payment(10, 10, PaymentKind.TRANSFER, NOV_20, "120.00", "778899", "Carlos Quispe"),
                payment(11, 11, PaymentKind.TRANSFER, NOV_20, "80.00", "778899", "Carlos Quispe"),
                payment(20, 20, PaymentKind.TRANSFER, NOV_20, "1500.00", null, "Rosa Huamán"),
                payment(30, 30, PaymentKind.WALLET, NOV_20, "45.00", null, "María González"),
                payment(40, 40, PaymentKind.WALLET, NOV_20, "50.00", null, "Ana Torres"),
                payment(41, 41, PaymentKind.WALLET, NOV_20, "50.00", null, "Ana Torres")));
        MatchingResult expected = engine.propose(credits, payments);

        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(credits, random);
            Collections.shuffle(payments, random);
            assertThat(engine.propose(credits, payments)).isEqualTo(expected);
        }
        assertThat(expected.automatic()).extracting(MatchProposal::creditIds)
                .containsExactly(List.of("C1"), List.of("C2", "C3"));
    }
}
