package io.cuadra.client.scenario;

import io.cuadra.client.ApiClient;
import io.cuadra.client.ApiException;
import io.cuadra.client.api.AuthenticationApi;
import io.cuadra.client.api.CatalogItemsApi;
import io.cuadra.client.api.InvoicesApi;
import io.cuadra.client.api.LocationsApi;
import io.cuadra.client.api.OrdersApi;
import io.cuadra.client.api.ReconciliationClosuresApi;
import io.cuadra.client.model.BillingDocument;
import io.cuadra.client.model.Closure;
import io.cuadra.client.model.ClosurePage;
import io.cuadra.client.model.ClosureRunBody;
import io.cuadra.client.model.Item;
import io.cuadra.client.model.Location;
import io.cuadra.client.model.LoginRequest;
import io.cuadra.client.model.Order;
import io.cuadra.client.model.OrderLineRequest;
import io.cuadra.client.model.OrderPaymentRequest;
import io.cuadra.client.model.OrderRegistration;
import io.cuadra.client.model.OrderReturnLine;
import io.cuadra.client.model.OrderReturnRequest;
import io.cuadra.client.model.OrderStatusRequest;
import io.cuadra.client.model.ReconciliationJobRun;
import io.cuadra.client.model.Tokens;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A program written against the Java client openapi-generator makes from the served /openapi, with no
 * edit to the client: a counter sale paid in cash, its invoice accepted by SUNAT (the stand-in), its
 * XML and PDF, a return, and the day's closure run. PlatformIT compiles it with the generated sources
 * and runs it; it answers what it saw, one line a step, and throws at the first surprise.
 */
public final class ClientScenario {

    private ClientScenario() {
    }

    public static List<String> run(String baseUri, String email, String password, String locationCode)
            throws Exception {
        List<String> seen = new ArrayList<>();
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        Tokens tokens = new AuthenticationApi(client).login(new LoginRequest().email(email).password(password));
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + tokens.getAccessToken()));

        Location location = new LocationsApi(client).listLocations().stream()
                .filter(l -> locationCode.equals(l.getCode())).findFirst().orElseThrow();
        OrdersApi orders = new OrdersApi(client);
        Order sale = null;
        for (Item item : new CatalogItemsApi(client).listItems(null, null, "PRODUCT", true, 0, 50).getItems()) {
            // Money is a decimal string in the contract (Money schema): "12.50".
            String amount = new BigDecimal(item.getPrice()).multiply(BigDecimal.valueOf(2)).toPlainString();
            try {
                sale = orders.registerOrder(UUID.randomUUID().toString(), new OrderRegistration()
                        .locationId(location.getId()).channel("COUNTER")
                        .addLinesItem(new OrderLineRequest().itemId(item.getId()).quantity(BigDecimal.valueOf(2)))
                        .addPaymentsItem(new OrderPaymentRequest().methodCode("EFECTIVO").amount(amount)));
                break;
            } catch (ApiException refused) {
                if (refused.getCode() != 409 && refused.getCode() != 422) {
                    throw refused; // only "not enough stock of this one" makes the next item worth a try
                }
            }
        }
        if (sale == null) {
            throw new IllegalStateException("no product of the catalog could be sold at " + locationCode);
        }
        seen.add("sale " + sale.getNumber() + " " + sale.getStatus() + " total " + sale.getTotal());

        InvoicesApi invoices = new InvoicesApi(client);
        BillingDocument invoice = invoices.getInvoiceByOrder(sale.getId());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!"ACCEPTED".equals(invoice.getSummary().getStatus()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            invoice = invoices.getInvoiceByOrder(sale.getId());
        }
        seen.add("invoice " + invoice.getSummary().getNumber() + " " + invoice.getSummary().getStatus());

        File xml = invoices.getInvoiceXml(invoice.getSummary().getId());
        File pdf = invoices.getInvoicePdf(invoice.getSummary().getId(), null);
        seen.add("xml " + (Files.readString(xml.toPath()).contains("<Invoice") ? "Invoice" : "not an invoice"));
        seen.add("pdf " + new String(Files.readAllBytes(pdf.toPath()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));

        // Only a completed sale takes returns: handed over, then returned.
        Order read = orders.getOrder(sale.getId());
        for (String status : List.of("IN_PROCESS", "COMPLETED")) {
            read = orders.changeOrderStatus(sale.getId(), "\"" + read.getVersion() + "\"",
                    new OrderStatusRequest().status(status));
        }
        Order returned = orders.returnOrderGoods(sale.getId(), "\"" + read.getVersion() + "\"", new OrderReturnRequest()
                .reason("Devuelto por el cliente").addLinesItem(new OrderReturnLine().lineNumber(1).quantity(BigDecimal.ONE)));
        seen.add("return " + returned.getStatus());

        LocalDate today = LocalDate.now(ZoneId.of(location.getTimeZone()));
        ReconciliationClosuresApi closures = new ReconciliationClosuresApi(client);
        ReconciliationJobRun run = closures.runClosure(new ClosureRunBody().locationId(location.getId())
                .businessDate(today.toString()));
        Closure closure = null;
        deadline = System.currentTimeMillis() + 120_000;
        while (closure == null && System.currentTimeMillis() < deadline) {
            ClosurePage page = closures.listClosures(location.getId(), today, today, null, 0, 5);
            closure = page.getItems().isEmpty() ? null : page.getItems().get(0);
            if (closure == null) {
                Thread.sleep(1000);
            }
        }
        seen.add("closure run " + run.getExecutionId() + " " + (closure == null ? "none" : closure.getStatus()));
        return seen;
    }
}
