package io.cuadra.orders.application;

import io.cuadra.customers.application.CustomerService;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.SalesChannel;
import io.cuadra.orders.domain.TenantCardFeeRule;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo lab's payment methods (cash, Visa and Mastercard through Niubiz with its fee rule, bank
 * transfer, Yape, Plin) and a few orders at LIM01: paid in cash with change, by card, mixed, one
 * partly paid, one still pending and in process.
 */
@Dependent
public class OrdersDemoData implements DemoData {

    @EJB
    PaymentMethodService methods;

    @EJB
    CardFeeRuleService cardFees;

    @EJB
    OrderService orders;

    @EJB
    CustomerService customers;

    @Override
    public int order() {
        return 130;
    }

    @Override
    public void load(DemoTenant tenant) {
        methods.create("EFECTIVO", PaymentMethod.CASH, "Efectivo", false, null, true, 10);
        methods.create("VISA", PaymentMethod.CARD, "Tarjeta Visa", true, "Niubiz", true, 20);
        methods.create("MASTERCARD", PaymentMethod.CARD, "Tarjeta Mastercard", true, "Niubiz", true, 30);
        methods.create("TRANSFERENCIA", PaymentMethod.BANK_TRANSFER, "Transferencia bancaria", true, null, true, 40);
        methods.create("YAPE", PaymentMethod.MOBILE_WALLET, "Yape", true, null, true, 50);
        methods.create("PLIN", PaymentMethod.MOBILE_WALLET, "Plin", true, null, true, 60);
        cardFees.create(TenantCardFeeRule.rule("Niubiz", new BigDecimal("3.99"), new BigDecimal("0.50"), "PEN",
                LocalDate.of(2024, 1, 1), null));

        // The services check the caller's locations and approvals: the loader acts as an administrator.
        Caller previous = CurrentCaller.get().orElse(null);
        CurrentCaller.set(Caller.system(tenant.id(), "demo"));
        try {
            demoOrders((Long) tenant.shared().get("location.LIM01"));
        } finally {
            if (previous == null) {
                CurrentCaller.clear();
            } else {
                CurrentCaller.set(previous);
            }
        }
    }

    private void demoOrders(long lim01) {
        Long maria = customer(DocumentType.DNI, "45871236");
        Long jose = customer(DocumentType.DNI, "40213587");
        Long ana = customer(DocumentType.DNI, "47586912");

        orders.register(new OrderDraft(lim01, maria, SalesChannel.COUNTER, null,
                List.of(line("LAB-HEM", "1"), line("LAB-GLU", "1")), List.of(),
                List.of(new PaymentDraft("EFECTIVO", new BigDecimal("100.00"), null, null))));

        orders.register(new OrderDraft(lim01, null, SalesChannel.COUNTER, "Venta al paso",
                List.of(line("INS-TUB", "3"), line("LAB-ORI", "1")), List.of(),
                List.of(new PaymentDraft("VISA", new BigDecimal("24.50"), null, "NBZ-000184"))));

        Order partial = orders.register(new OrderDraft(lim01, ana, SalesChannel.WHATSAPP, "Chequeo para dos personas",
                List.of(line("PAQ-CHK", "2")),
                List.of(new OrderDraft.Discount(OrderDiscount.Kind.PERCENT, new BigDecimal("5"), "Campaña familiar")),
                List.of(new PaymentDraft("TRANSFERENCIA", new BigDecimal("100.00"), null, "BCP-7781203"))));
        orders.changeStatus(partial.getId(), partial.getVersion(), OrderStatus.IN_PROCESS, "Muestras tomadas");

        Order pending = orders.register(new OrderDraft(lim01, jose, SalesChannel.COUNTER, null,
                List.of(line("LAB-LIP", "1")), List.of(), List.of()));
        orders.changeStatus(pending.getId(), pending.getVersion(), OrderStatus.IN_PROCESS, null);

        Order mixed = orders.register(new OrderDraft(lim01, maria, SalesChannel.COUNTER, null,
                List.of(line("LAB-COV", "1"), line("LAB-HEM", "1")), List.of(),
                List.of(new PaymentDraft("YAPE", new BigDecimal("40.00"), null, "YP-55102"),
                        new PaymentDraft("EFECTIVO", new BigDecimal("40.00"), new BigDecimal("50.00"), null))));
        Order inProcess = orders.changeStatus(mixed.getId(), mixed.getVersion(), OrderStatus.IN_PROCESS, null);
        orders.changeStatus(mixed.getId(), inProcess.getVersion(), OrderStatus.COMPLETED, "Resultados entregados");
    }

    private static OrderDraft.Line line(String code, String quantity) {
        return new OrderDraft.Line(null, code, new BigDecimal(quantity), null, List.of());
    }

    private Long customer(DocumentType type, String number) {
        return customers.byDocument(type, number).map(c -> c.getId()).orElse(null);
    }
}
