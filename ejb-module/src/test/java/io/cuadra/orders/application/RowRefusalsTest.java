package io.cuadra.orders.application;

import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.shared.domain.BusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal about a cell of one line names that line, so the counter shows it beside the row's input. */
class RowRefusalsTest {

    @Test
    void aCellRefusalNamesItsRowAndKeepsItsSentence() {
        BusinessException e = new OrderRuleViolation("A discount needs its reason.").withKey("discount.reason")
                .onField("reason");
        BusinessException inRow = OrderService.inRow(e, "lines", 2, "quantity");
        assertThat(inRow.field()).contains("lines[2].reason");
        assertThat(inRow.getMessage()).isEqualTo("A discount needs its reason.");
        assertThat(inRow.messageKey()).contains("discount.reason");
    }

    @Test
    void aRefusalNamingNoFieldIsAboutTheGivenCellAndAPrefixedOneKeepsItsLastSegment() {
        assertThat(OrderService.inRow(new OrderRuleViolation("Line 1: too many decimals"), "lines", 0, "quantity")
                .field()).contains("lines[0].quantity");
        assertThat(OrderService.inRow(new OrderRuleViolation("lines.lotId: no such lot"), "lines", 3, "quantity")
                .field()).contains("lines[3].lotId");
    }
}
