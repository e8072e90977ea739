package io.cuadra.web.orders;

import io.cuadra.customers.application.CustomerDraft;
import io.cuadra.shared.identitydocuments.DocumentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt's money and the counter's new customer: the rules the counter adds on its own. */
class CounterReceiptTest {

    @Test
    void cashHandedOverAboveTheTotalIsReceivedAndTheChangeIsDueToTheCustomer() {
        CounterReceipt r = CounterReceipt.of(1, "LIM01-2026-000001", new BigDecimal("37.75"),
                new BigDecimal("37.75"), new BigDecimal("12.25"), 9L, "B001-1");
        assertThat(r.received()).isEqualByComparingTo("50.00");
        assertThat(r.change()).isEqualByComparingTo("12.25");
        assertThat(r.due()).isEqualByComparingTo("0.00");
        assertThat(r.paidInFull()).isTrue();
        assertThat(r.received().scale()).as("shown to the cent").isEqualTo(2);
    }

    @Test
    void aSaleRegisteredUnpaidOwesItsBalanceAndGivesNoChange() {
        CounterReceipt r = CounterReceipt.of(1, "N", new BigDecimal("60"), new BigDecimal("20"), null, null, null);
        assertThat(r.received()).isEqualByComparingTo("20.00");
        assertThat(r.change()).isEqualByComparingTo("0.00");
        assertThat(r.due()).isEqualByComparingTo("40.00");
        assertThat(r.paidInFull()).isFalse();
    }

    @Test
    void amountsAreRoundedHalfUpToTheCent() {
        CounterReceipt r = CounterReceipt.of(1, "N", new BigDecimal("10.005"), new BigDecimal("10.005"),
                new BigDecimal("0.004"), null, null);
        assertThat(r.total()).isEqualByComparingTo("10.01");
        assertThat(r.change()).isEqualByComparingTo("0.00");
    }

    @Test
    void eightDigitsAreADniElevenARucAndNamesAreNotGuessed() {
        assertThat(InlineCustomer.documentTypeOf("45871236")).isEqualTo(DocumentType.DNI);
        assertThat(InlineCustomer.documentTypeOf("20 100-070-970")).isEqualTo(DocumentType.RUC);
        assertThat(InlineCustomer.documentTypeOf("María")).isNull();
        assertThat(InlineCustomer.documentTypeOf("1234567")).isNull();
    }

    @Test
    void aPersonIsNotABusinessAndABusinessHasNoPersonsNames() {
        InlineCustomer c = InlineCustomer.forDocument(DocumentType.DNI, " 4587 1236 ");
        assertThat(c.getDocumentNumber()).isEqualTo("45871236");
        c.setFirstName("Rosa");
        c.setLastName("Huamán");
        c.setBusinessName("ignored for a DNI");
        c.setPhone("987654321");
        CustomerDraft draft = c.request().draft();
        assertThat(draft.businessName()).isNull();
        assertThat(draft.firstName()).isEqualTo("Rosa");
        assertThat(draft.newCustomer().displayName()).contains("Rosa");

        InlineCustomer company = InlineCustomer.forDocument(DocumentType.RUC, "20100070970");
        company.setFirstName("not for a RUC");
        company.setBusinessName("Clínica Norte S.A.C.");
        company.setEmail("caja@norte.pe");
        assertThat(company.isBusiness()).isTrue();
        assertThat(company.request().draft().firstName()).isNull();
        assertThat(company.request().draft().newCustomer().displayName()).isEqualTo("Clínica Norte S.A.C.");
    }
}
