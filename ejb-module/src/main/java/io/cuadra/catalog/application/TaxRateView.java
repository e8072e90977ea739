package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.TaxRate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A tax rate as the API and the pages read it, built in the service's transaction. */
@Schema(name = "TaxRate")
public record TaxRateView(long id, String country, String name, BigDecimal percent, String affectationCode,
                          boolean active, long version) implements java.io.Serializable {
    public static TaxRateView of(TaxRate t) {
        return new TaxRateView(t.getId(), t.getCountry(), t.getName(), t.getPercent(), t.getAffectationCode(),
                t.isActive(), t.getVersion());
    }
}
