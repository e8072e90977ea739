package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.bank.BankLayout;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

/**
 * Demo bank profiles as two Peruvian banks export their statements: BCP (comma-separated, one signed
 * amount, decimal point) and Interbank (semicolon-separated, debit and credit columns, decimal comma).
 */
@Dependent
public class ReconciliationDemoData implements DemoData {

    @EJB
    BankStatementService statements;

    @Override
    public int order() {
        return 170;
    }

    @Override
    public void load(DemoTenant tenant) {
        // Fecha, Fecha valuta, Descripción operación, Monto, Saldo, Sucursal, Operación-Número, Ordenante
        tenant.shared().put("bankProfile.BCP", statements.createProfile("BCP", new BankLayout.Mapping(
                "BCP cuenta corriente soles", "PEN", ",", 1, 0, "dd/MM/yyyy", 3, null, null, ".", ",", 2, 6, 7)).getId());
        // Fecha; Descripción; Nro. operación; Cargo; Abono; Ordenante
        tenant.shared().put("bankProfile.IBK", statements.createProfile("IBK", new BankLayout.Mapping(
                "Interbank cuenta corriente soles", "PEN", ";", 1, 0, "dd/MM/yyyy", null, 4, 3, ",", ".", 1, 2, 5)).getId());
    }
}
