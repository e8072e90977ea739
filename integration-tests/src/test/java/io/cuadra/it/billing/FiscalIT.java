package io.cuadra.it.billing;

import io.cuadra.it.support.JsonMoney;
import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.ReceiptTenant;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fiscal regimes against the deployed EAR: tenants of countries without an integrated tax authority (Mexico,
 * Chile) sell and get numbered internal receipts, figures in their currency's minor unit, a PDF, credit slips
 * that add up to the receipt, and numbering without gaps per location under concurrent payments.
 */
@ExtendWith(ArquillianExtension.class)
class FiscalIT extends CuadraDeployment {

    private final Http http = http();

    @Test
    void aMexicanSalePaidInTwoPartsInMxnGetsOneNumberedReceiptToTheCentWithItsPdf() throws Exception {
        ReceiptTenant mx = ReceiptTenant.mexican(http);
        Http admin = mx.signIn(http);
        mx.item(admin, "MX-ENVIO", "1160.00", false);
        mx.item(admin, "MX-CAJA", "99.99", false);
        mx.item(admin, "MX-SEGURO", "50.00", true);
        Reply created = admin.post("api/orders", "{\"locationId\":" + mx.locationId + ",\"lines\":["
                + line("MX-ENVIO", "1") + "," + line("MX-CAJA", "3") + "," + line("MX-SEGURO", "1") + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long order = created.json().getJsonNumber("id").longValue();
        assertThat(amount(created.json(), "total")).isEqualByComparingTo("1509.97");

        Reply first = admin.post("api/orders/" + order + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"500.00\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(admin.get("api/billing/invoices/by-order/" + order).status()).as("nothing before it is paid")
                .isEqualTo(404);
        Reply second = admin.post("api/orders/" + order + "/payments",
                "{\"methodCode\":\"SPEI\",\"amount\":\"1009.97\",\"reference\":\"SPEI-0042\"}");
        assertThat(second.status()).as("no country is refused at payment: " + second).isEqualTo(201);
        assertThat(second.json().getJsonObject("order").getString("paymentStatus")).isEqualTo("PAID");

        JsonObject receipt = documentOf(admin, order);
        JsonObject summary = receipt.getJsonObject("summary");
        assertThat(summary.getString("kind")).isEqualTo("RECEIPT");
        assertThat(summary.getString("status")).isEqualTo("ISSUED");
        assertThat(summary.getString("number")).matches("RV-\\d{6}");
        assertThat(summary.getString("currency")).isEqualTo("MXN");
        // IVA by document out of the 16 % gross: 1459.97 / 1.16 = 1258.59, IVA 201.38; 50.00 exempt.
        JsonObject totals = receipt.getJsonObject("totals");
        assertThat(amount(totals, "total")).isEqualByComparingTo("1509.97");
        assertThat(amount(totals, "value")).isEqualByComparingTo("1308.59");
        assertThat(amount(totals, "tax")).isEqualByComparingTo("201.38");
        assertThat(receipt.getJsonArray("lines")).hasSize(3);
        assertThat(count("select count(*) from billing_documents where order_id = " + order)).isEqualTo(1);

        long id = summary.getJsonNumber("id").longValue();
        Http.Bytes pdf = admin.getBytes("api/billing/invoices/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(textOf(pdf.body())).contains("Comprobante de venta", summary.getString("number"),
                "QUENTY LOGISTICA SA DE CV", "IVA 16 %:", "201.38", "1,258.59", "Exento:", "50.00", "1,509.97",
                "sin validez tributaria");
        assertThat(admin.get("api/billing/invoices/" + id + "/xml").status()).as("no SUNAT XML").isEqualTo(404);
        assertThat(count("select count(*) from outbox_messages where aggregate_id = " + id)).as("nothing to send")
                .isZero();
        Reply profile = admin.get("api/billing/profile");
        assertThat(profile.json().getString("fiscalRegime")).as("from the country").isEqualTo("INTERNAL_RECEIPT");
    }

    @Test
    void aChileanSaleInClpGetsWholePesosAndItsCreditSlipsAddUpToTheReceipt() throws Exception {
        ReceiptTenant cl = ReceiptTenant.chilean(http);
        Http admin = cl.signIn(http);
        cl.item(admin, "CL-VASO", "990", false);
        cl.item(admin, "CL-BOLSA", "1490", false);
        Reply created = admin.post("api/orders", "{\"locationId\":" + cl.locationId + ",\"lines\":["
                + line("CL-VASO", "3") + "," + line("CL-BOLSA", "1") + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long order = created.json().getJsonNumber("id").longValue();
        pay(admin, order, "{\"methodCode\":\"EFECTIVO\",\"amount\":\"2000\"}");
        pay(admin, order, "{\"methodCode\":\"TRANSFERENCIA\",\"amount\":\"2460\",\"reference\":\"TRF-0042\"}");

        JsonObject receipt = documentOf(admin, order);
        JsonObject totals = receipt.getJsonObject("totals");
        // SII: neto = 4460 / 1.19 = 3747.90 -> 3748 pesos, IVA = 4460 - 3748 = 712.
        assertThat(amount(totals, "total")).isEqualByComparingTo("4460");
        assertThat(amount(totals, "value")).isEqualByComparingTo("3748");
        assertThat(amount(totals, "tax")).isEqualByComparingTo("712");
        for (String field : List.of("total", "value", "tax")) {
            assertThat(amount(totals, field).stripTrailingZeros().scale()).as(field + " in whole pesos")
                    .isLessThanOrEqualTo(0);
        }
        long id = receipt.getJsonObject("summary").getJsonNumber("id").longValue();
        String text = textOf(admin.getBytes("api/billing/invoices/" + id + "/pdf").body());
        assertThat(text).contains("IVA 19 %:", "3.748", "712", "4.460").doesNotContain("4.460,00");

        // One glass comes back (07): 990 with IVA, neto 832, IVA 158.
        Reply slip = admin.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"07\","
                + "\"description\":\"Vaso trizado\",\"lines\":[{\"lineNumber\":1,\"quantity\":1}]}");
        assertThat(slip.status()).as(slip.toString()).isEqualTo(201);
        JsonObject slipSummary = slip.json().getJsonObject("summary");
        assertThat(slipSummary.getString("kind")).isEqualTo("CREDIT_SLIP");
        assertThat(slipSummary.getString("number")).matches("RD-\\d{6}");
        assertThat(amount(slip.json().getJsonObject("totals"), "total")).isEqualByComparingTo("990");
        assertThat(amount(slip.json().getJsonObject("totals"), "tax")).isEqualByComparingTo("158");
        Http.Bytes slipPdf = admin.getBytes("api/billing/credit-notes/" + slipSummary.getJsonNumber("id").longValue()
                + "/pdf");
        assertThat(slipPdf.status()).isEqualTo(200);
        assertThat(textOf(slipPdf.body())).contains("Nota de devolución", "Corrige: "
                + receipt.getJsonObject("summary").getString("number"));

        // The rest by cancelling the sale: the second slip takes exactly what remains.
        Reply read = admin.get("api/orders/" + order);
        Reply cancelled = admin.post("api/orders/" + order + "/cancel", "{\"reason\":\"Cliente desiste\"}",
                "If-Match", read.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonObject after = admin.get("api/billing/invoices/" + id).json();
        assertThat(after.getJsonObject("summary").getString("status")).isEqualTo("CANCELLED");
        assertThat(amount(after.getJsonObject("summary"), "creditedTotal")).isEqualByComparingTo("4460");
        assertThat(sum("select sum(total_amount) from billing_documents where original_id = " + id))
                .isEqualByComparingTo("4460");
    }

    @Test
    void concurrentPaymentsNumberReceiptsWithoutGapsPerLocation() throws Exception {
        ReceiptTenant mx = ReceiptTenant.mexican(http);
        Http admin = mx.signIn(http);
        mx.item(admin, "MX-RAPIDO", "116.00", false);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> orders = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                long location = i % 4 == 3 ? mx.secondLocationId : mx.locationId;
                orders.add(pool.submit(() -> paidOrder(admin, location)));
            }
            for (Future<Long> f : orders) {
                long order = f.get();
                assertThat(count("select count(*) from billing_documents where kind = 'RECEIPT' and order_id = "
                        + order)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        // Each location counts alone, 1..n, whatever other tests issued there: no gap, no repeat.
        for (long location : List.of(mx.locationId, mx.secondLocationId)) {
            String where = " from billing_documents where location_id = " + location + " and series = 'RV'";
            long n = count("select count(*)" + where);
            assertThat(n).isPositive();
            assertThat(count("select max(number)" + where)).isEqualTo(n);
            assertThat(count("select count(distinct number)" + where)).isEqualTo(n);
            assertThat(count("select min(number)" + where)).isEqualTo(1);
        }
        assertThat(count("select count(*) from billing_documents where location_id = " + mx.secondLocationId
                + " and series = 'RV'")).isGreaterThanOrEqualTo(6);
    }

    // ------------------------------------------------------------------ helpers

    private static String line(String code, String quantity) {
        return "{\"itemCode\":\"" + code + "\",\"quantity\":" + quantity + "}";
    }

    private static long paidOrder(Http client, long location) {
        Reply r = client.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[" + line("MX-RAPIDO", "1")
                + "],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"116.00\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("paymentStatus")).isEqualTo("PAID");
        return r.json().getJsonNumber("id").longValue();
    }

    private static void pay(Http client, long order, String body) {
        Reply r = client.post("api/orders/" + order + "/payments", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static JsonObject documentOf(Http client, long order) {
        Reply r = client.get("api/billing/invoices/by-order/" + order);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static BigDecimal amount(JsonObject o, String field) {
        return JsonMoney.of(o, field); // an amount is a decimal string, a quantity a number: both read
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long count(String sql) throws SQLException {
        BigDecimal value = sum(sql);
        return value == null ? 0 : value.longValueExact();
    }

    private static BigDecimal sum(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
