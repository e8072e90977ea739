package io.cuadra.web.orders;

import io.cuadra.web.platform.Amount;
import io.cuadra.orders.application.OrderDraft;
import io.cuadra.orders.application.PaymentDraft;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.SalesChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the orders API: classes with validated public fields (see README, platform pitfalls). */
public final class OrderBodies {

    private OrderBodies() {
    }

    @Schema(name = "OrderRegistration")
    public static final class RegisterBody {
        @Schema(description = "Where the order is taken; one of the caller's locations")
        @NotNull
        public Long locationId;
        @Schema(description = "Leave out for an anonymous counter sale")
        public Long customerId;
        @Schema(enumeration = {"COUNTER", "WHATSAPP", "WEB", "SHOPIFY"}, defaultValue = "COUNTER")
        @Pattern(regexp = "COUNTER|WHATSAPP|WEB|SHOPIFY", message = "must be COUNTER, WHATSAPP, WEB or SHOPIFY")
        public String channel = "COUNTER";
        @Size(max = 1000)
        public String notes;
        @Schema(type = SchemaType.ARRAY, implementation = LineBody.class)
        @NotEmpty @Size(max = 200) @Valid
        public List<LineBody> lines;
        @Schema(type = SchemaType.ARRAY, implementation = DiscountBody.class, description = "Order-level discounts,"
                + " in the order granted; prorated over the lines")
        @Size(max = 20) @Valid
        public List<DiscountBody> discounts;
        @Schema(type = SchemaType.ARRAY, implementation = PaymentBody.class, description = "Payments taken with the"
                + " registration, in this order (one transaction)")
        @Size(max = 20) @Valid
        public List<PaymentBody> payments;

        OrderDraft draft() {
            return new OrderDraft(locationId, customerId, SalesChannel.valueOf(channel == null ? "COUNTER" : channel),
                    notes, lines.stream().map(LineBody::draft).toList(), discounts(discounts),
                    payments == null ? List.of() : payments.stream().map(PaymentBody::draft).toList());
        }
    }

    @Schema(name = "OrderLineRequest", description = "Name the item by itemId or by itemCode")
    public static final class LineBody {
        public Long itemId;
        @Size(max = 40)
        public String itemCode;
        @Schema(example = "1.000")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @Schema(description = "The lot the cashier picked; leave out to let inventory choose (FEFO)")
        public Long lotId;
        @Schema(type = SchemaType.ARRAY, implementation = DiscountBody.class)
        @Size(max = 10) @Valid
        public List<DiscountBody> discounts;

        OrderDraft.Line draft() {
            return new OrderDraft.Line(itemId, itemCode, quantity, lotId, discounts(discounts));
        }
    }

    @Schema(name = "OrderDiscountRequest")
    public static final class DiscountBody {
        @Schema(enumeration = {"PERCENT", "AMOUNT"})
        @NotBlank @Pattern(regexp = "PERCENT|AMOUNT", message = "must be PERCENT or AMOUNT")
        public String kind;
        @Schema(description = "A percent (up to 100, two decimals) or an amount in the order's currency",
                example = "10.00")
        @NotNull @Positive @Digits(integer = 10, fraction = 2)
        public BigDecimal value;
        @Schema(example = "Convenio empresa")
        @NotBlank @Size(max = 300)
        public String reason;

        OrderDraft.Discount draft() {
            return new OrderDraft.Discount(OrderDiscount.Kind.valueOf(kind), value, reason);
        }
    }

    @Schema(name = "OrderDiscountGrant", description = "A discount granted after registration, on a line "
            + "(lineNumber) or on the whole order (no lineNumber)")
    public static final class AddDiscountBody {
        @Schema(description = "The line's number; leave out for an order-level discount")
        @Positive
        public Integer lineNumber;
        @Schema(enumeration = {"PERCENT", "AMOUNT"})
        @NotBlank @Pattern(regexp = "PERCENT|AMOUNT", message = "must be PERCENT or AMOUNT")
        public String kind;
        @Schema(example = "5.00")
        @NotNull @Positive @Digits(integer = 10, fraction = 2)
        public BigDecimal value;
        @Schema(example = "Cliente frecuente")
        @NotBlank @Size(max = 300)
        public String reason;

        OrderDraft.Discount draft() {
            return new OrderDraft.Discount(OrderDiscount.Kind.valueOf(kind), value, reason);
        }
    }

    @Schema(name = "OrderPaymentRequest")
    public static final class PaymentBody {
        @Schema(description = "The tenant's payment method code", example = "EFECTIVO")
        @NotBlank @Size(max = 20)
        public String methodCode;
        @Schema(description = "What it pays of the order. For cash without tendered: what the customer hands over "
                + "(the part above the balance is given back as change)", example = "50.00")
        @NotNull @Positive @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal amount;
        @Schema(description = "Cash only: what the customer hands over to pay exactly amount", example = "100.00")
        @Positive @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal tendered;
        @Schema(description = "Operation, voucher or authorisation number (required by some methods)")
        @Size(max = 100)
        public String reference;

        PaymentDraft draft() {
            return new PaymentDraft(methodCode, amount, tendered, reference);
        }
    }

    @Schema(name = "OrderStatusRequest")
    public static final class StatusBody {
        @Schema(enumeration = {"IN_PROCESS", "COMPLETED"}, description = "REGISTERED → IN_PROCESS → COMPLETED; "
                + "cancel through /cancel")
        @NotBlank @Pattern(regexp = "REGISTERED|IN_PROCESS|COMPLETED|CANCELLED",
                message = "must be REGISTERED, IN_PROCESS, COMPLETED or CANCELLED")
        public String status;
        @Size(max = 300)
        public String notes;
    }

    @Schema(name = "OrderCancellation")
    public static final class CancelBody {
        @Schema(example = "El paciente no se presentó")
        @NotBlank @Size(max = 300)
        public String reason;
    }

    @Schema(name = "OrderReturnRequest")
    public static final class ReturnBody {
        @Schema(example = "Producto equivocado")
        @NotBlank @Size(max = 300)
        public String reason;
        @NotNull @Size(min = 1, max = 200) @Valid
        public List<ReturnLineBody> lines;

        public List<io.cuadra.orders.domain.ReturnRequest> requests() {
            return lines.stream().map(l -> new io.cuadra.orders.domain.ReturnRequest(l.lineNumber, l.quantity,
                    Boolean.TRUE.equals(l.damaged))).toList();
        }
    }

    @Schema(name = "OrderReturnLine")
    public static final class ReturnLineBody {
        @Schema(description = "The order line that comes back", example = "1")
        @NotNull @Positive
        public Integer lineNumber;
        @Schema(description = "How much of it (at most what was not returned yet)", example = "1")
        @NotNull @Positive @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @Schema(description = "Damaged goods go to wastage instead of back into their lot")
        public Boolean damaged;
    }

    private static List<OrderDraft.Discount> discounts(List<DiscountBody> bodies) {
        return bodies == null ? List.of() : bodies.stream().map(DiscountBody::draft).toList();
    }
}
