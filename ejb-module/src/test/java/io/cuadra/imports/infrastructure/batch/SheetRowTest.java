package io.cuadra.imports.infrastructure.batch;

import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.batch.tabular.TabularRow;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.imports.domain.ImportKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetRowTest {

    private static SheetRow customer(String... cells) {
        return new SheetRow(new TabularRow(7, List.of(cells)), ImportKind.CUSTOMERS.columnsOf(
                List.of("documentType", "documentNumber", "contactOptOut", "preferredChannel")), new SheetBlock());
    }

    @Test
    void decimalsTakeAPointOrAComma() {
        assertThat(SheetRow.parseDecimal("12.50")).isEqualByComparingTo("12.5");
        assertThat(SheetRow.parseDecimal("12,50")).isEqualByComparingTo("12.5");
        assertThat(SheetRow.parseDecimal("1,234.50")).isEqualByComparingTo("1234.5");
        assertThat(SheetRow.parseDecimal("1.234,50")).isEqualByComparingTo("1234.5");
        assertThatThrownBy(() -> SheetRow.parseDecimal("gratis")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void yesAndNoAreReadTheWaysPeopleWriteThem() throws RowRejected {
        assertThat(customer("1", "45871236", "Sí", "").flag("contactOptOut", false)).isTrue();
        assertThat(customer("1", "45871236", "FALSE", "").flag("contactOptOut", true)).isFalse();
        assertThat(customer("1", "45871236", "", "").flag("contactOptOut", true)).as("blank: the default").isTrue();
        assertThatThrownBy(() -> customer("1", "45871236", "quizás", "").flag("contactOptOut", false))
                .isInstanceOf(RowRejected.class)
                .hasMessage("contactOptOut: \"quizás\" is not yes or no (TRUE/FALSE, sí/no, 1/0).");
    }

    @Test
    void choicesIgnoreCaseAndNameTheAllowedValues() throws RowRejected {
        assertThat(customer("1", "45871236", "", "whatsapp").choice("preferredChannel", ContactChannel.class, null))
                .isEqualTo(ContactChannel.WHATSAPP);
        RowRejected rejected = org.junit.jupiter.api.Assertions.assertThrows(RowRejected.class,
                () -> customer("1", "45871236", "", "fax").choice("preferredChannel", ContactChannel.class, null));
        assertThat(rejected.row()).isEqualTo(7);
        assertThat(rejected.reason()).isEqualTo("preferredChannel: \"fax\" is not one of EMAIL, SMS, WHATSAPP, PHONE, NONE.");
        assertThat(rejected.cells()).containsExactly("1", "45871236", "", "fax");
    }

    @Test
    void documentTypesAreTheSunatCodeTheNameOrTheLabel() throws RowRejected {
        assertThat(CustomerRowProcessor.documentType(customer("6", "x", "", ""))).isEqualTo(DocumentType.RUC);
        assertThat(CustomerRowProcessor.documentType(customer("dni", "x", "", ""))).isEqualTo(DocumentType.DNI);
        assertThat(CustomerRowProcessor.documentType(customer("Carnet de extranjeria", "x", "", "")))
                .isEqualTo(DocumentType.FOREIGNER_CARD);
        assertThatThrownBy(() -> CustomerRowProcessor.documentType(customer("9", "x", "", "")))
                .hasMessageStartingWith("documentType: \"9\" is not a SUNAT catalog 06 document");
        assertThatThrownBy(() -> CustomerRowProcessor.documentType(customer("", "x", "", "")))
                .hasMessage("documentType: this cell is empty.");
    }

    @Test
    void itemTypesAreReadWhateverTheCase() throws RowRejected {
        SheetRow row = new SheetRow(new TabularRow(2, List.of("service")),
                ImportKind.ITEMS.columnsOf(List.of("type", "code", "name", "price")), new SheetBlock());
        assertThat(row.choice("type", ItemType.class, null)).isEqualTo(ItemType.SERVICE);
    }
}
