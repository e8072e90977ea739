package io.cuadra.purchasing.application;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.inventory.application.StockOperations;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.purchasing.domain.GoodsReceipt;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderLine;
import io.cuadra.purchasing.domain.Supplier;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo lab's stock: a refrigerated warehouse next to LIM01's default one, two suppliers, and a
 * purchase order received at LIM01 that gives the supplies lots with expiry dates — one lot of tubes
 * expires within the alert window and the glucose strips stay below their critical level, so the
 * dashboard has something to show — then part of the tubes transferred to CUS02.
 */
@Dependent
public class StockDemoData implements DemoData {

    @EJB
    WarehouseService warehouses;

    @EJB
    SupplierService suppliers;

    @EJB
    PurchaseOrderService orders;

    @EJB
    GoodsReceiptService receipts;

    @EJB
    ItemService items;

    @EJB
    StockOperations operations;

    @Override
    public int order() {
        // Not the 150 first planned: the orders demo (130) sells INS-TUB, and a paid order takes its goods
        // from stock that must be there (never negative). Stock is received before anything is sold.
        return 125;
    }

    @Override
    public void load(DemoTenant tenant) {
        long lim = (Long) tenant.shared().get("location.LIM01");
        long cus = (Long) tenant.shared().get("location.CUS02");
        warehouses.create(lim, "FRIO", "Refrigerado");
        Supplier medical = suppliers.create(new SupplierService.SupplierDraft("Distribuidora Médica del Perú S.A.C.",
                "PE", "20547812361", "Rosa Paredes", "ventas@dimeperu.example", "+5114405566",
                "Av. Arequipa 2450, Lince", "Entrega martes y jueves", true));
        suppliers.create(new SupplierService.SupplierDraft("Insumos de Laboratorio Andinos S.A.", "PE", "20603154780",
                "Jorge Quispe", "pedidos@insumosandinos.example", "+5184223344", "Av. La Cultura 1020, Cusco", null,
                true));

        long tubes = items.byCode("INS-TUB").getId();
        long bottles = items.byCode("INS-FRA").getId();
        long strips = items.byCode("INS-GLU").getId();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Lima"));
        PurchaseOrder order = orders.create(new PurchaseOrderService.OrderDraft(medical.getId(), lim, null,
                today.plusDays(3), "COT-2026-118", "PEN", "Reposición mensual de insumos", List.of(
                new PurchaseOrderService.LineInput(tubes, new BigDecimal("500"), new BigDecimal("0.45")),
                new PurchaseOrderService.LineInput(bottles, new BigDecimal("300"), new BigDecimal("0.60")),
                new PurchaseOrderService.LineInput(strips, new BigDecimal("8"), new BigDecimal("22.00")))));
        order = orders.place(order.getId(), order.getVersion());
        List<PurchaseOrderLine> lines = order.getLines();
        GoodsReceipt receipt = receipts.receive(new GoodsReceiptService.ReceiptDraft(order.getId(), null, null, null,
                "T001-000457", "Llegó completo", List.of(
                line(lines.get(0), "TUB-2411", today.plusDays(20), "200"),
                line(lines.get(0), "TUB-2503", today.plusDays(400), "300"),
                line(lines.get(1), "FRA-2502", today.plusDays(200), "300"),
                line(lines.get(2), "GLU-2501", today.plusDays(90), "8"))));
        tenant.shared().put("goodsReceipt.demo", receipt.getId());

        Warehouse from = warehouses.defaultOf(lim);
        Warehouse to = warehouses.defaultOf(cus);
        operations.transfer(from.getId(), to.getId(), List.of(new StockOperations.TransferLine(tubes, null,
                new BigDecimal("100"))), "Abastecimiento de la sede Cusco");
    }

    private static GoodsReceiptService.ReceiptLineInput line(PurchaseOrderLine line, String lot, LocalDate expires,
                                                            String quantity) {
        return new GoodsReceiptService.ReceiptLineInput(line.getId(), null, lot, expires, new BigDecimal(quantity),
                null);
    }
}
