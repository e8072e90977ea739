package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored bank profile is refused unless the import could read with it. */
class BankLayoutTest {

    private static BankLayout.Mapping mapping(Integer amount, Integer credit, Integer debit, String pattern) {
        return new BankLayout.Mapping("BCP soles", "PEN", ";", 1, 0, pattern, amount, credit, debit, ",", ".", 1, 2, 3);
    }

    @Test
    void eitherOneAmountColumnOrACreditAndADebitColumn() {
        BankLayout signed = new BankLayout("BCP");
        signed.map(mapping(4, null, null, "dd/MM/yyyy"));
        assertThat(signed.toProfile().amounts()).isEqualTo(AmountLayout.signed(4));
        assertThat(signed.separator()).isEqualTo(';');

        BankLayout split = new BankLayout("IBK");
        split.map(mapping(null, 4, 5, "dd/MM/yyyy"));
        assertThat(split.toProfile().amounts()).isEqualTo(AmountLayout.creditDebit(4, 5));

        assertThatThrownBy(() -> new BankLayout("X").map(mapping(4, 5, 6, "dd/MM/yyyy")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("amountColumn");
        assertThatThrownBy(() -> new BankLayout("X").map(mapping(null, 5, null, "dd/MM/yyyy")))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new BankLayout("X").map(mapping(4, null, null, "dd/MM/qqqqqq")))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new BankLayout("X").map(new BankLayout.Mapping("x", "PEN", ";", 1, 0, "dd/MM/yyyy",
                4, null, null, ",", ",", 1, null, null))).isInstanceOf(RuleViolation.class);
    }
}
