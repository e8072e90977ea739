package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;

/** The taxable base and the VAT of one rate, as printed in the VAT summary. */
public record VatBreakdown(BigDecimal rate, Money base, Money vat) {
}
