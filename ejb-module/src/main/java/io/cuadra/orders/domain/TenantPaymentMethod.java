package io.cuadra.orders.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A way of paying the tenant accepts (EFECTIVO, VISA, YAPE...). Its {@link PaymentMethod kind} sets the
 * rules: only cash gives change, a card payment takes the fee of its provider's rule, a method may
 * require a reference (operation number, voucher).
 */
@Entity
@Table(name = "payment_methods")
public class TenantPaymentMethod extends TenantEntity {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentMethod kind;
    @Column(name = "requires_reference", nullable = false)
    private boolean requiresReference;
    @Column(name = "fee_provider")
    private String feeProvider;
    @Column(nullable = false)
    private boolean active = true;
    @Column(nullable = false)
    private int position;

    protected TenantPaymentMethod() {
    }

    public TenantPaymentMethod(String code, PaymentMethod kind) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw new OrderRuleViolation("code: a payment method code is 1 to 20 capital letters, digits, - or _"
                    + " (e.g. EFECTIVO, VISA), not \"" + code + "\".").withKey("orders.paymentMethodCode", code);
        }
        this.code = c;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A card method names the provider whose fee rules apply; other kinds take no fee. */
    public void describe(String name, boolean requiresReference, String feeProvider, boolean active, int position) {
        String provider = feeProvider == null || feeProvider.isBlank() ? null : feeProvider.strip();
        if (kind == PaymentMethod.CARD && provider == null) {
            throw new OrderRuleViolation("feeProvider: a card method names the provider whose fee rules apply.").withKey("orders.cardMethodNames");
        }
        if (kind != PaymentMethod.CARD && provider != null) {
            throw new OrderRuleViolation("feeProvider: only card methods pay a provider's fee.").withKey("orders.onlyCardMethods");
        }
        this.name = name;
        this.requiresReference = requiresReference;
        this.feeProvider = provider;
        this.active = active;
        this.position = position;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public PaymentMethod getKind() {
        return kind;
    }

    public boolean isRequiresReference() {
        return requiresReference;
    }

    public String getFeeProvider() {
        return feeProvider;
    }

    public boolean isActive() {
        return active;
    }

    public int getPosition() {
        return position;
    }
}
