package io.cuadra.shopify.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.shared.tenancy.TenantContext;
import java.util.function.Supplier;

/** The adapter's work runs as the tenant's Shopify process, which may do what a sale from the shop needs. */
final class ShopifySystemCaller {

    private ShopifySystemCaller() {
    }

    static <T> T call(Supplier<T> work) {
        Caller previous = CurrentCaller.get().orElse(null);
        CurrentCaller.set(Caller.system(TenantContext.require().tenantId(), "shopify"));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CurrentCaller.clear();
            } else {
                CurrentCaller.set(previous);
            }
        }
    }
}
