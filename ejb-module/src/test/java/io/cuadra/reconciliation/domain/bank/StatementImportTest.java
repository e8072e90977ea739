package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class StatementImportTest {

    /** Decimal comma, one signed amount column: fecha; descripción; nro. operación; importe. */
    private static final BankProfile COMMA_SIGNED = BankProfile.builder("PE-SIGNED", "PEN")
            .headerRows(1).date(0, "dd/MM/yyyy").description(1).reference(2).amount(3)
            .separators(',', '.').build();

    /** Decimal point, separate debit and credit: fecha; descripción; ordenante; cargo; abono; operación. */
    private static final BankProfile POINT_CREDIT_DEBIT = BankProfile.builder("PE-CREDIT-DEBIT", "PEN")
            .headerRows(2).date(0, "dd/MM/yyyy").description(1).counterparty(2).creditDebit(4, 3).reference(5)
            .separators('.', ',').build();

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    @Test
    void readsDecimalCommaWithSignedAmounts() {
        StatementImport read = StatementImport.read(COMMA_SIGNED, "191-0000001", List.of(
                row("Fecha", "Descripción", "Operación", "Importe"),
                row("20/11/2026", "TRANSF. MARIA GONZALEZ", "00123456", "1.234,56"),
                row("20/11/2026", "COMISION MANTENIMIENTO", "", "-15,00")));

        assertThat(read.rejections()).isEmpty();
        assertThat(read.transactions())
                .extracting(StatementTransaction::rowNumber, StatementTransaction::date, StatementTransaction::amount,
                        StatementTransaction::reference, StatementTransaction::isCredit)
                .containsExactly(
                        tuple(2, LocalDate.of(2026, 11, 20), Money.of("1234.56", "PEN"), "00123456", true),
                        tuple(3, LocalDate.of(2026, 11, 20), Money.of("-15.00", "PEN"), null, false));
    }

    @Test
    void readsDecimalPointWithCreditAndDebitColumns() {
        StatementImport read = StatementImport.read(POINT_CREDIT_DEBIT, "0011-0172", List.of(
                row("BANCO", "Movimientos"),
                row("Fecha", "Descripción", "Ordenante", "Cargo", "Abono", "Operación"),
                row("21/11/2026", "ABONO TRANSFERENCIA", "Juan Pérez", "", "1,234.56", "778899"),
                row("21/11/2026", "PAGO PROVEEDOR", "", "120.00", "0.00", "5501"),
                row("21/11/2026", "ITF", "", "-0.05", "")));

        assertThat(read.rejections()).isEmpty();
        assertThat(read.transactions())
                .extracting(StatementTransaction::amount, StatementTransaction::counterparty, StatementTransaction::reference)
                .containsExactly(
                        tuple(Money.of("1234.56", "PEN"), "Juan Pérez", "778899"),
                        tuple(Money.of("-120.00", "PEN"), null, "5501"),
                        tuple(Money.of("-0.05", "PEN"), null, null));
    }

    @Test
    void rejectsRowsWithTheirReason() {
        StatementImport read = StatementImport.read(COMMA_SIGNED, "191-0000001", List.of(
                row("Fecha", "Descripción", "Operación", "Importe"),
                row("", " ", "", ""),
                row("31/02/2026", "DEPOSITO", "1", "10,00"),
                row("2026-11-20", "DEPOSITO", "2", "10,00"),
                row("20/11/2026", "DEPOSITO", "3", "1,234.56"),
                row("20/11/2026", "DEPOSITO", "4", "12,345"),
                row("20/11/2026", "DEPOSITO", "5", ""),
                row("20/11/2026", "DEPOSITO"),
                row("20/11/2026", "DEPOSITO", "6", "10,00")));

        assertThat(read.transactions()).extracting(StatementTransaction::rowNumber).containsExactly(9);
        assertThat(read.rejections())
                .extracting(RejectedRow::rowNumber, RejectedRow::reason, RejectedRow::message)
                .containsExactly(
                        tuple(2, RejectedRow.Reason.EMPTY_ROW, "Row 2 is empty."),
                        tuple(3, RejectedRow.Reason.BAD_DATE, "Row 3: date \"31/02/2026\" is not a valid dd/MM/yyyy date."),
                        tuple(4, RejectedRow.Reason.BAD_DATE, "Row 4: date \"2026-11-20\" is not a valid dd/MM/yyyy date."),
                        tuple(5, RejectedRow.Reason.BAD_AMOUNT, "Row 5: amount \"1,234.56\" is not an amount written like 1.234,56."),
                        tuple(6, RejectedRow.Reason.BAD_AMOUNT, "Row 6: amount \"12,345\" has more than two decimals."),
                        tuple(7, RejectedRow.Reason.BAD_AMOUNT, "Row 7 has no amount."),
                        tuple(8, RejectedRow.Reason.MISSING_CELL, "Row 8 has 2 cells; the PE-SIGNED profile needs at least 4."));
        assertThat(read.rejections().get(6).cells()).containsExactly("20/11/2026", "DEPOSITO");
    }

    @Test
    void rejectsCreditAndDebitTogetherOrNeither() {
        StatementImport read = StatementImport.read(POINT_CREDIT_DEBIT, "0011-0172", List.of(
                row("h"), row("h"),
                row("21/11/2026", "RARO", "", "10.00", "10.00", "1"),
                row("21/11/2026", "VACIO", "", "", "0.00", "2"),
                row("21/11/2026", "NEGATIVO", "", "", "-5.00", "3")));

        assertThat(read.transactions()).isEmpty();
        assertThat(read.rejections()).extracting(RejectedRow::message).containsExactly(
                "Row 3 has both a credit and a debit.",
                "Row 4 has neither a credit nor a debit.",
                "Row 5: the credit \"-5.00\" is negative.");
    }

    @Test
    void datePatternsMayIncludeTimeAndFourDigitYears() {
        BankProfile isoWithTime = BankProfile.builder("ISO", "PEN").date(0, "yyyy-MM-dd HH:mm").description(1).amount(2)
                .separators('.', null).build();

        StatementImport read = StatementImport.read(isoWithTime, "acc", List.of(
                row("2026-11-20 18:45", "ABONO", "50.00"), row("2026-02-30 10:00", "ABONO", "50.00")));

        assertThat(read.transactions()).singleElement().extracting(StatementTransaction::date)
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(read.rejections()).singleElement().extracting(RejectedRow::reason).isEqualTo(RejectedRow.Reason.BAD_DATE);
    }

    @Test
    void reimportingTheSameFileAddsNothing() {
        List<List<String>> file = List.of(
                row("Fecha", "Descripción", "Operación", "Importe"),
                row("20/11/2026", "TRANSF. MARIA GONZALEZ", "00123456", "1.234,56"),
                row("20/11/2026", "YAPE RECIBIDO", "", "50,00"));
        Set<String> stored = new HashSet<>();
        StatementImport first = StatementImport.read(COMMA_SIGNED, "191-0000001", file);
        first.notYetImported(stored).forEach(t -> stored.add(t.fingerprint()));

        StatementImport again = StatementImport.read(COMMA_SIGNED, "191-0000001", file);

        assertThat(stored).hasSize(2);
        assertThat(again.notYetImported(stored)).isEmpty();
    }

    @Test
    void twoIdenticalDepositsOfOneDaySurviveAnOverlappingImportOnceEach() {
        List<String> twin = row("20/11/2026", "DEPOSITO EFECTIVO", "", "50,00");
        List<List<String>> firstPeriod = List.of(row("header"),
                row("19/11/2026", "DEPOSITO EFECTIVO", "", "80,00"),
                twin, twin);
        List<List<String>> overlappingPeriod = List.of(row("header"),
                // Same day exported again, with different spacing and case in the bank's text.
                row("20/11/2026", "deposito   efectivo", "", "50,00"),
                twin,
                row("21/11/2026", "DEPOSITO EFECTIVO", "", "50,00"));
        Set<String> stored = new HashSet<>();
        List<StatementTransaction> kept = new ArrayList<>();

        for (List<List<String>> file : List.of(firstPeriod, overlappingPeriod)) {
            for (StatementTransaction t : StatementImport.read(COMMA_SIGNED, "191-0000001", file).notYetImported(stored)) {
                stored.add(t.fingerprint());
                kept.add(t);
            }
        }

        assertThat(kept).extracting(StatementTransaction::date, StatementTransaction::occurrence)
                .containsExactly(
                        tuple(LocalDate.of(2026, 11, 19), 1),
                        tuple(LocalDate.of(2026, 11, 20), 1),
                        tuple(LocalDate.of(2026, 11, 20), 2),
                        tuple(LocalDate.of(2026, 11, 21), 1));
    }

    @Test
    void fingerprintsDependOnTheAccount() {
        List<List<String>> file = List.of(row("h"), row("20/11/2026", "ABONO", "1", "10,00"));

        String one = StatementImport.read(COMMA_SIGNED, "ACC-1", file).transactions().get(0).fingerprint();
        String other = StatementImport.read(COMMA_SIGNED, "ACC-2", file).transactions().get(0).fingerprint();

        assertThat(one).hasSize(64).isNotEqualTo(other);
    }

    @Test
    void profileRefusesImpossibleSetUps() {
        assertThatThrownBy(() -> BankProfile.builder("X", "PEN").date(0, "dd/MM/yyyy").amount(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount column");
        assertThatThrownBy(() -> BankProfile.builder("X", "PEN").date(0, "dd/MM/yyyy").creditDebit(3, 3).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BankProfile.builder("X", "PEN").date(0, "dd/MM/yyyyy{").amount(1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
