package io.cuadra.customers.domain;


import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTest {

    private static Customer person(String dni, String first) {
        Customer c = new Customer(DocumentType.DNI, dni);
        c.name(first, "Pérez", null);
        return c;
    }

    @Test
    void theDocumentIsCheckedByItsTypeRule() {
        assertThatThrownBy(() -> new Customer(DocumentType.RUC, "20100070971")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("The RUC check digit should be 0, not 1");
        Customer company = new Customer(DocumentType.RUC, "20 100-070-970");
        assertThat(company.getDocumentNumber()).isEqualTo("20100070970");
        assertThatThrownBy(() -> company.name("Juan", null, null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("business name");
        company.name(null, null, "Clínica S.A.C.");
        assertThat(company.displayName()).isEqualTo("Clínica S.A.C.");
    }

    @Test
    void birthDateAndSexAreOptionalAPastDayAfter1900AndAnHl7Code() {
        Customer c = person("45871236", "Ana");
        c.describe(java.time.LocalDate.of(1990, 5, 12), "f");
        assertThat(c.getBirthDate()).isEqualTo(java.time.LocalDate.of(1990, 5, 12));
        assertThat(c.getSex()).isEqualTo("F");
        assertThatThrownBy(() -> c.describe(java.time.LocalDate.now().plusDays(1), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("birthDate");
        assertThatThrownBy(() -> c.describe(java.time.LocalDate.of(1899, 12, 31), null))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> c.describe(null, "X")).isInstanceOf(RuleViolation.class).hasMessageContaining("sex");
        assertThat(c.getSex()).as("a refusal changes nothing").isEqualTo("F");
        c.describe(null, " ");
        assertThat(c.getBirthDate()).isNull();
        assertThat(c.getSex()).isNull();
    }

    @Test
    void phonesAreStoredInE164ReadInTheCustomersCountry() {
        Customer c = person("45871236", "Ana");
        c.liveAt(null, null, null, null, "PE");
        c.reachAt("Ana@Example.PE", "987 654 321");
        assertThat(c.getPhone()).isEqualTo("+51987654321");
        assertThat(c.getEmail()).isEqualTo("ana@example.pe");
        c.liveAt(null, null, "Paris", null, "fr");
        c.reachAt(null, "01 42 68 53 00");
        assertThat(c.getPhone()).isEqualTo("+33142685300");
        assertThatThrownBy(() -> c.reachAt(null, "12")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void visitsMakeARegular() {
        Customer c = person("45871236", "Ana");
        c.recordVisit();
        c.recordVisit();
        assertThat(c.isRecurrent()).isFalse();
        c.recordVisit();
        assertThat(c.getVisitCount()).isEqualTo(3);
        assertThat(c.isRecurrent()).isTrue();
    }

    @Test
    void aMergedCustomerGivesItsVisitsAndCanNoLongerBeUsed() {
        Customer survivor = person("45871236", "Ana");
        Customer duplicate = person("45871237", "Anna");
        duplicate.reachAt("anna@example.pe", null);
        duplicate.recordVisit();
        duplicate.recordVisit();
        survivor.recordVisit();
        assertThatThrownBy(() -> duplicate.mergeInto(survivor, " ")).isInstanceOf(RuleViolation.class);
        duplicate.mergeInto(survivor, "Duplicada");
        assertThat(survivor.getVisitCount()).isEqualTo(3);
        assertThat(survivor.isRecurrent()).isTrue();
        assertThat(survivor.getEmail()).isEqualTo("anna@example.pe");
        assertThat(duplicate.isMerged()).isTrue();
        assertThat(duplicate.getMergeReason()).isEqualTo("Duplicada");
        assertThatThrownBy(duplicate::recordVisit).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> person("1", "x")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void searchTextIsReadAsDocumentNamePhoneOrEmail() {
        CustomerQuery name = CustomerQuery.of("María  Gonz");
        assertThat(name.nameWords()).isEqualTo("maria gonz");
        assertThat(name.folded()).isEqualTo("maria gonz");
        assertThat(name.documentPrefix()).isNull();
        assertThat(name.phoneDigits()).isNull();
        assertThat(name.emailPrefix()).isNull();
        assertThat(CustomerQuery.of("GONZÁLEZ - maría").nameWords()).isEqualTo("gonzalez maria");

        CustomerQuery number = CustomerQuery.of("987 654 321");
        assertThat(number.phoneDigits()).isEqualTo("%987654321%");
        assertThat(number.documentExact()).isEqualTo("987654321");
        assertThat(number.nameWords()).isNull();
        assertThat(number.folded()).isNull();

        CustomerQuery email = CustomerQuery.of("Jose_R@");
        assertThat(email.emailPrefix()).isEqualTo("jose\\_r@%");
        assertThat(email.nameWords()).as("an e-mail is not a name").isNull();
        CustomerQuery dotted = CustomerQuery.of("jose.ramirez");
        assertThat(dotted.emailPrefix()).isEqualTo("jose.ramirez%");
        assertThat(dotted.nameWords()).as("nor a company's S.A.C.").isEqualTo("jose.ramirez");

        CustomerQuery word = CustomerQuery.of("Quispe");
        assertThat(word.nameWords()).isEqualTo("quispe");
        assertThat(word.emailPrefix()).as("one word may begin an e-mail").isEqualTo("quispe%");

        assertThat(CustomerQuery.of("  ").isEmpty()).isTrue();
        assertThat(CustomerQuery.of("50%").documentPrefix()).isNull();
    }
}
