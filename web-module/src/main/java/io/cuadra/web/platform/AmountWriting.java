package io.cuadra.web.platform;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Currency;
import java.util.function.Supplier;

/** Every JSON response holding money goes out with its amounts as decimal strings ({@link Amounts}). */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class AmountWriting implements WriterInterceptor {

    @EJB
    CompanyService companies;

    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        Object entity = ctx.getEntity();
        if (entity == null || !BodyReading.isJson(ctx.getMediaType()) || !mayHoldAmounts(entity)) {
            ctx.proceed();
            return;
        }
        OutputStream out = ctx.getOutputStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ctx.setOutputStream(written);
        try {
            ctx.proceed();
        } finally {
            ctx.setOutputStream(out);
        }
        JsonValue json;
        try (JsonReader reader = JsonProviders.JSON.createReader(new ByteArrayInputStream(written.toByteArray()))) {
            json = reader.readValue();
        }
        out.write(Amounts.write(json, entity, tenantCurrency(companies)).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean mayHoldAmounts(Object entity) {
        return entity instanceof Collection<?> || entity.getClass().isArray() && !(entity instanceof byte[])
                || Amounts.carries(entity.getClass());
    }

    /** The signed-in tenant's currency, for amounts whose object names none. */
    static Supplier<Currency> tenantCurrency(CompanyService companies) {
        return () -> CurrentCaller.get().isPresent() ? companies.current().currency() : Currency.getInstance("PEN");
    }
}
