package io.cuadra.customers.application;

import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one mapping of a customer to create, and the counter's rule that the receipt must reach them. */
class NewCustomerTest {

    @Test
    void atTheCounterAPhoneOrAnEmailIsNeeded() {
        NewCustomer silent = NewCustomer.atCounter(DocumentType.DNI, "45871236", "Rosa", "Huamán", null, " ", null);
        assertThatThrownBy(silent::check).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).messageKey()).contains("customers.contactNeeded"))
                .satisfies(e -> assertThat(((RuleViolation) e).field()).contains("phone"));
        NewCustomer.atCounter(DocumentType.DNI, "45871236", "Rosa", "Huamán", null, null, "987654321").check();
        NewCustomer.atCounter(DocumentType.DNI, "45871236", "Rosa", "Huamán", null, "rosa@example.pe", null).check();
    }

    @Test
    void theFullFormMayLeaveBothOutAndItsDetailsReachTheDraft() {
        NewCustomer form = new NewCustomer(DocumentType.DNI, "45871236", "Rosa", "Huamán", null, null, null,
                new NewCustomer.Details("Av. Sol 1", "Cusco", "Cusco", "Cusco", "PE", "es", null, true, "VIP", true));
        form.check();
        CustomerDraft draft = form.draft();
        assertThat(draft.address()).isEqualTo("Av. Sol 1");
        assertThat(draft.contactOptOut()).isTrue();
        assertThat(draft.notes()).isEqualTo("VIP");
        assertThat(NewCustomer.atCounter(DocumentType.DNI, "45871236", "Rosa", "Huamán", null, null, "987654321")
                .draft().active()).as("a counter customer is active").isTrue();
    }
}
