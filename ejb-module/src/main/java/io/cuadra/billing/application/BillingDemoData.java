package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.math.BigDecimal;
import java.util.List;

/**
 * Billing's share of the demo: the paid demo orders were invoiced as they were paid (orders, 130); here
 * the first invoice with more than one unit on a line gets a partial credit note (one unit returned), so
 * the back office shows a credit note and a partly credited invoice from the first start.
 */
@Dependent
public class BillingDemoData implements DemoData {

    @EJB
    BillingIssuer issuer;

    @Override
    public int order() {
        return 160;
    }

    @Override
    public void load(DemoTenant tenant) {
        for (BillingDocument invoice : issuer.firstInvoices(50)) {
            var line = invoice.getLines().stream()
                    .filter(l -> l.getQuantity().compareTo(BigDecimal.ONE) > 0).findFirst();
            if (line.isPresent()) {
                issuer.creditNote(invoice.getId(), CreditNoteReason.ITEM_RETURN, "Devolución de una unidad",
                        List.of(new BillingIssuer.CreditRequest(line.get().getLineNo(), BigDecimal.ONE, null)));
                return;
            }
        }
    }
}
