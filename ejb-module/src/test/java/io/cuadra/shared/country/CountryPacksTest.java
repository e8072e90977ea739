package io.cuadra.shared.country;

import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.reconciliation.domain.cash.DenominationCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryPacksTest {

    @Test
    void fourCountriesWithTheirCurrencyZoneRegimeAndTaxIdRule() {
        assertThat(CountryPacks.all()).extracting(CountryPack::country).containsExactly("PE", "FR", "CL", "MX");
        CountryPack cl = CountryPacks.find("cl").orElseThrow();
        assertThat(cl.currency().getCurrencyCode()).isEqualTo("CLP");
        assertThat(cl.timeZone().getId()).isEqualTo("America/Santiago");
        assertThat(cl.fiscalRegime()).isEqualTo("INTERNAL_RECEIPT");
        assertThat(cl.companyTaxIdTypes()).containsExactly("RUT");
        assertThat(CountryPacks.find("PE").orElseThrow().fiscalRegime()).isEqualTo("SUNAT");
        assertThat(CountryPacks.find("FR").orElseThrow().fiscalRegime()).isEqualTo("FRENCH");
        assertThat(CountryPacks.find("FR").orElseThrow().languages()).containsExactly("fr");
        assertThat(CountryPacks.find("MX").orElseThrow().defaultTaxPercent()).isEqualByComparingTo("16");
        assertThat(CountryPacks.find("AR")).isEmpty();
        assertThat(CountryPacks.find(null)).isEmpty();
    }

    @Test
    void theDatePatternAndPhoneRegionOfACountryAreOneLookup() {
        assertThat(CountryPacks.datePattern("CL")).isEqualTo("dd-MM-yyyy");
        assertThat(CountryPacks.datePattern("fr")).isEqualTo("dd/MM/yyyy");
        assertThat(CountryPacks.datePattern("AR")).as("no pack").isEqualTo("dd/MM/yyyy");
        assertThat(CountryPacks.datePattern(null)).isEqualTo("dd/MM/yyyy");
        assertThat(CountryPacks.phoneRegion("MX")).isEqualTo("MX");
    }

    @Test
    void chileanMoneyHasNoDecimalsAndTheOthersTwo() {
        CountryPack cl = CountryPacks.find("CL").orElseThrow();
        assertThat(cl.currencyDigits()).isZero();
        assertThat(cl.money(new BigDecimal("1190.50"))).isEqualByComparingTo("1191");
        assertThat(cl.money(new BigDecimal("1190.50")).scale()).isZero();
        assertThat(cl.money(new BigDecimal("1190.49"))).isEqualByComparingTo("1190");
        CountryPack mx = CountryPacks.find("MX").orElseThrow();
        assertThat(mx.money(new BigDecimal("116.005"))).isEqualByComparingTo("116.01");
        assertThat(mx.money(new BigDecimal("116.005")).scale()).isEqualTo(2);
    }

    @Test
    void everyPackIsConsistentWithTheRulesItNames() {
        DenominationCatalog denominations = DenominationCatalog.defaults();
        for (CountryPack pack : CountryPacks.all()) {
            assertThat(pack.documentTypes()).as(pack.country())
                    .allSatisfy(t -> assertThat(DocumentType.valueOf(t)).isNotNull());
            assertThat(pack.paymentMethods()).as(pack.country())
                    .allSatisfy(m -> assertThat(PaymentMethod.valueOf(m.kind())).isNotNull())
                    .anySatisfy(m -> assertThat(m.kind()).isEqualTo("CASH"));
            assertThat(denominations.find(pack.currency())).as("cash of " + pack.currency() + " can be counted")
                    .isPresent();
            assertThat(denominations.find(pack.currency()).orElseThrow().denominations())
                    .allSatisfy(d -> assertThat(d.value().stripTrailingZeros().scale())
                            .as(d + " fits " + pack.currency()).isLessThanOrEqualTo(pack.currencyDigits()));
            assertThat(pack.dateFormat().format(LocalDate.of(2026, 12, 7))).contains("07").contains("2026");
            assertThat(pack.series().receipt()).matches("B[A-Z0-9]{3}");
        }
    }

    @Test
    void aBrokenPackIsRefusedWhenLoaded() {
        CountryPack pe = CountryPacks.find("PE").orElseThrow();
        assertThatThrownBy(() -> new CountryPack("PE", 1, "Perú", Currency.getInstance("PEN"), pe.locale(),
                pe.datePattern(), pe.timeZone(), pe.languages(), "PE", "", "CFDI", pe.defaultTaxPercent(), true,
                pe.companyTaxIdTypes(), pe.documentTypes(), pe.series(), "x", pe.paymentMethods()))
                .hasMessageContaining("unknown fiscal regime CFDI");
        assertThatThrownBy(() -> new CountryPack("PE", 1, "Perú", Currency.getInstance("PEN"), pe.locale(),
                pe.datePattern(), pe.timeZone(), pe.languages(), "PE", "", "SUNAT", pe.defaultTaxPercent(), true,
                java.util.List.of("RUT"), pe.documentTypes(), pe.series(), "x", pe.paymentMethods()))
                .hasMessageContaining("tax id types must be among its documents");
    }
}
