package io.cuadra.billing.domain;

import io.cuadra.billing.SampleDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SunatFileNameAndQrTest {

    @Test
    void namesFilesByRucTypeSeriesAndNumberWithoutLeadingZeros() {
        SunatFileName name = SunatFileName.of(SampleDocuments.factura());

        assertThat(name.baseName()).isEqualTo(SampleDocuments.ISSUER_RUC + "-01-F001-123");
        assertThat(name.xmlName()).isEqualTo(SampleDocuments.ISSUER_RUC + "-01-F001-123.xml");
        assertThat(name.zipName()).isEqualTo(SampleDocuments.ISSUER_RUC + "-01-F001-123.zip");
        assertThat(SunatFileName.of(SampleDocuments.fullCreditNote()).baseName())
                .isEqualTo(SampleDocuments.ISSUER_RUC + "-07-FC01-1");
    }

    @Test
    void refusesAnInvalidRucInAFileName() {
        assertThatThrownBy(() -> new SunatFileName("20100070971", DocumentKind.FACTURA, DocumentNumber.parse("F001-1")))
                .hasMessageContaining("check digit");
    }

    @Test
    void qrCarriesTheTenSunatFieldsEachFollowedByABar() {
        String qr = SunatQrText.of(SampleDocuments.factura(), "a2V5IGhhc2g=");

        assertThat(qr).isEqualTo(SampleDocuments.ISSUER_RUC + "|01|F001|123|184.58|1210.00|2026-11-21|6|"
                + SampleDocuments.CUSTOMER_RUC + "|a2V5IGhhc2g=|");
    }

    @Test
    void qrOfAnAnonymousExoneratedSaleHasZeroIgv() {
        String qr = SunatQrText.of(SampleDocuments.exemptOnlyFactura(), "h");
        assertThat(qr.split("\\|")).containsExactly(SampleDocuments.ISSUER_RUC, "01", "F001", "124", "0.00", "90.00",
                "2026-11-21", "6", SampleDocuments.CUSTOMER_RUC, "h");
        assertThat(SunatQrText.of(SampleDocuments.boleta(), "h")).contains("|0|-|h|");
    }

    @Test
    void qrNeedsTheHash() {
        assertThatThrownBy(() -> SunatQrText.of(SampleDocuments.boleta(), " ")).hasMessageContaining("sign first");
    }
}
