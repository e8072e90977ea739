package io.cuadra.platform.domain;

import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantCharterTest {

    private static TenantCharter.Request request(String country, String taxId) {
        return new TenantCharter.Request("sipud", "SIPUD Distribución SpA", null, taxId, "Av. Matta 100, Santiago",
                country, null, null, null, null, null, null, "Admin@Sipud.test", "Camila", "Rojas");
    }

    @Test
    void theCountryPackFillsWhatTheOperatorLeftOut() {
        TenantCharter c = TenantCharter.of(request("CL", "76.086.428-5"));
        assertThat(c.currency().getCurrencyCode()).isEqualTo("CLP");
        assertThat(c.timeZone().getId()).isEqualTo("America/Santiago");
        assertThat(c.languages()).containsExactly("es");
        assertThat(c.fiscalRegime()).isEqualTo("INTERNAL_RECEIPT");
        assertThat(c.taxId()).isEqualTo("760864285");
        assertThat(c.taxIdType()).isEqualTo("RUT");
        assertThat(c.locationCode()).isEqualTo("SEDE01");
        assertThat(c.locationName()).isEqualTo("Casa matriz");
        assertThat(c.adminEmail()).isEqualTo("admin@sipud.test");
        assertThat(c.displayName()).isEqualTo("SIPUD Distribución SpA");
    }

    @Test
    void theAdministratorMayHaveAUsernameAndTheTenantARoleTemplate() {
        TenantCharter c = TenantCharter.of(new TenantCharter.Request("sipud", "SIPUD SpA", null, "76.086.428-5", "x",
                "CL", null, null, null, null, null, null, "a@sipud.test", "Camila", "Rojas", " CRojas ", "distributor"));
        assertThat(c.adminUsername()).isEqualTo("crojas");
        assertThat(c.roleTemplate()).isEqualTo(RoleTemplateSet.DISTRIBUTOR);
        assertThat(TenantCharter.of(request("CL", "76.086.428-5")).roleTemplate()).as("none unless asked").isNull();
        assertThatThrownBy(() -> TenantCharter.of(new TenantCharter.Request("sipud", "SIPUD SpA", null, "76.086.428-5",
                "x", "CL", null, null, null, null, null, null, "a@sipud.test", "C", "R", "c rojas@x", "BAKERY")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("adminUsername:")
                .hasMessageContaining("roleTemplate: one of LAB, CLINIC, DISTRIBUTOR");
    }

    @Test
    void aFrenchCompanyMayGiveItsSiretSirenOrVatNumber() {
        assertThat(TenantCharter.of(request("FR", "732 829 320 00074")).taxIdType()).isEqualTo("SIRET");
        assertThat(TenantCharter.of(request("FR", "FR40303265045")).taxIdType()).isEqualTo("VAT");
    }

    @Test
    void whatBreaksARuleIsRefusedWithEveryReasonAtOnce() {
        assertThatThrownBy(() -> TenantCharter.of(request("CL", "20131312955")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("taxId: not a valid RUT");
        assertThatThrownBy(() -> TenantCharter.of(request("AR", "1"))).hasMessageContaining("country:");
        TenantCharter.Request bad = new TenantCharter.Request("-Bad slug", "", null, "SAT970701NN3", "x", "MX", "XXX",
                "Mars/Olympus", List.of("de"), "CFDI", "lowercase!", null, "not-an-email", "A", "B");
        assertThatThrownBy(() -> TenantCharter.of(bad)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("slug:").hasMessageContaining("legalName:").hasMessageContaining("currency:")
                .hasMessageContaining("timeZone:").hasMessageContaining("languages:")
                .hasMessageContaining("fiscalRegime:").hasMessageContaining("locationCode:")
                .hasMessageContaining("adminEmail:");
    }
}
