package io.cuadra.it.billing;

import io.cuadra.it.support.JsonMoney;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.cuadra.billing.UblSchemaValidator;
import io.cuadra.billing.infrastructure.signature.SigningCredentials;
import io.cuadra.billing.infrastructure.signature.XmlDocumentSigner;
import io.cuadra.billing.infrastructure.signature.XmlSignatureVerifier;
import io.cuadra.billing.infrastructure.xml.XmlDocuments;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.PdfImages;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestSunat;
import io.cuadra.server.DevKeys;
import io.cuadra.server.PayaraDomain;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Billing against the deployed EAR and the SUNAT simulator the test domain is pointed at: paid orders
 * become facturas and boletas, numbered gap-free, signed, sent after commit and moved by SUNAT's answers;
 * credit notes; printouts with their QR; a French tenant; isolation.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT extends CuadraDeployment {

    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    private final Http http = http();

    // ------------------------------------------------------------------ invoices from paid orders

    @Test
    void aPaidOrderOfACompanyBecomesAnAcceptedFacturaWithValidSignedXmlCdrAndQr() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long company = rucCustomer(admin);
        JsonObject order = paidOrder(admin, lim01(), company, line("LAB-GLU", "2"), line("LAB-COV", "1"));

        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        JsonObject summary = invoice.getJsonObject("summary");
        assertThat(summary.getString("kind")).isEqualTo("FACTURA");
        assertThat(summary.getString("number")).matches("F001-\\d+");
        assertThat(JsonMoney.of(summary, "total"))
                .isEqualByComparingTo(JsonMoney.of(order, "total"));
        assertThat(JsonMoney.of(invoice.getJsonObject("totals"), "exoneratedBase"))
                .as("mixed taxed and exempt lines").isEqualByComparingTo("45.00");
        assertThat(invoice.getString("amountInWords")).endsWith("SOLES");
        assertThat(invoice.getString("paymentTerms")).isEqualTo("CASH");
        assertThat(statuses(invoice)).containsExactly("PENDING", "SENT", "ACCEPTED");
        assertThat(invoice.getJsonArray("timeline").getJsonObject(0).getString("actor"))
                .isEqualTo(DemoUsers.ADMIN.email);

        long id = summary.getJsonNumber("id").longValue();
        byte[] xml = assertValidSignedXml(admin, "api/billing/invoices/" + id + "/xml");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(">Contado<").contains(">0101<");
        Http.Bytes cdr = admin.getBytes("api/billing/invoices/" + id + "/cdr");
        assertThat(cdr.status()).isEqualTo(200);
        assertThat(new String(cdr.body(), StandardCharsets.UTF_8)).contains("ApplicationResponse")
                .contains(summary.getString("number")).contains("<cbc:ResponseCode>0</cbc:ResponseCode>");

        String hash = invoice.getString("hash");
        String[] number = summary.getString("number").split("-");
        String expectedQr = "20601030013|01|" + number[0] + "|" + number[1] + "|"
                + JsonMoney.of(invoice.getJsonObject("totals"), "igvAmount").toPlainString() + "|"
                + JsonMoney.of(summary, "total").toPlainString() + "|"
                + summary.getString("issueDate") + "|6|" + summary.getString("customerDocNumber") + "|" + hash + "|";
        assertThat(qrOf(admin, "api/billing/invoices/" + id + "/pdf")).isEqualTo(expectedQr);
        assertThat(qrOf(admin, "api/billing/invoices/" + id + "/pdf?format=ticket")).isEqualTo(expectedQr);
        assertThat(count("select count(*) from outbox_messages where topic = 'billing.sunat.send' and aggregate_id = "
                + id + " and status = 'DONE'")).as("sent once, after commit, from the outbox").isEqualTo(1);
    }

    @Test
    void anAnonymousSaleBecomesABoletaAndAnOrderIsInvoicedOnce() throws Exception {
        Http cashier = DemoUsers.CASHIER.signIn(http);
        JsonObject order = paidOrder(cashier, lim01(), null, line("LAB-HEM", "1"));
        JsonObject invoice = awaitStatus(cashier, invoiceOf(cashier, order), "ACCEPTED");
        assertThat(invoice.getJsonObject("summary").getString("number")).matches("B001-\\d+");
        assertThat(invoice.getJsonObject("summary").getString("customerDocType")).isEqualTo("0");
        assertValidSignedXml(cashier, "api/billing/invoices/" + invoice.getJsonObject("summary")
                .getJsonNumber("id").longValue() + "/xml");
        assertThat(count("select count(*) from billing_documents where order_id = "
                + order.getJsonNumber("id").longValue())).isEqualTo(1);
        Reply list = cashier.get("api/billing/invoices?status=ACCEPTED&type=03&location=" + lim01());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("number")).contains(invoice.getJsonObject("summary").getString("number"));
        assertThat(cashier.get("api/billing/invoices?status=NOPE").status()).isEqualTo(422);
    }

    /**
     * LAB-HEM 35.00 (IGV included) with 10 % off, LAB-COV 45.00 exempt, then 2.00 off the order, shared 0.82 and
     * 1.18 by the lines (as OrdersIT prices it): every discount goes on its line as a catalog 53 code 00 allowance
     * and the document adds up to the order to the cent.
     */
    @Test
    void aDiscountedOrderIsInvoicedWithLineAllowancesAndTheOrdersTotalsToTheCent() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply r = admin.post("api/orders", "{\"locationId\":" + lim01() + ",\"lines\":[{\"itemCode\":\"LAB-HEM\","
                + "\"quantity\":1,\"discounts\":[{\"kind\":\"PERCENT\",\"value\":10,\"reason\":\"Campaña\"}]},"
                + "{\"itemCode\":\"LAB-COV\",\"quantity\":1}],\"discounts\":[{\"kind\":\"AMOUNT\",\"value\":2.00,"
                + "\"reason\":\"Redondeo\"}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"100.00\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject order = r.json();
        assertThat(order.getString("paymentStatus")).isEqualTo("PAID");
        assertThat(JsonMoney.of(order, "discountTotal")).isEqualByComparingTo("5.50");

        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        JsonObject totals = invoice.getJsonObject("totals");
        assertThat(JsonMoney.of(invoice.getJsonObject("summary"), "total"))
                .isEqualByComparingTo(JsonMoney.of(order, "total")).isEqualByComparingTo("74.50");
        assertThat(JsonMoney.of(totals, "value"))
                .isEqualByComparingTo(JsonMoney.of(order, "baseTotal")).isEqualByComparingTo("69.82");
        assertThat(JsonMoney.of(totals, "tax"))
                .isEqualByComparingTo(JsonMoney.of(order, "taxTotal")).isEqualByComparingTo("4.68");
        assertThat(JsonMoney.of(totals, "igvBase")).isEqualByComparingTo("26.00");
        assertThat(JsonMoney.of(totals, "exoneratedBase")).isEqualByComparingTo("43.82");
        List<JsonObject> lines = invoice.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertThat(lines).extracting(l -> JsonMoney.of(l, "discount").toPlainString())
                .containsExactly("3.66", "1.18"); // 29.66 - 26.00 and 45.00 - 43.82, without tax
        assertThat(lines).extracting(l -> JsonMoney.of(l, "value").toPlainString())
                .containsExactly("26.00", "43.82");

        long id = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        Document xml = XmlDocuments.parse(assertValidSignedXml(admin, "api/billing/invoices/" + id + "/xml"));
        NodeList invoiceLines = xml.getElementsByTagNameNS(CAC, "InvoiceLine");
        assertThat(invoiceLines.getLength()).isEqualTo(2);
        String[][] expected = {{"26.00", "3.66", "29.66", "0.12340"}, {"43.82", "1.18", "45.00", "0.02622"}};
        for (int i = 0; i < 2; i++) {
            Element line = (Element) invoiceLines.item(i);
            Element allowance = (Element) line.getElementsByTagNameNS(CAC, "AllowanceCharge").item(0);
            assertThat(allowance).as("line %d has its allowance", i + 1).isNotNull();
            assertThat(text(line, CBC, "LineExtensionAmount")).isEqualTo(expected[i][0]);
            assertThat(text(allowance, CBC, "ChargeIndicator")).isEqualTo("false");
            assertThat(text(allowance, CBC, "AllowanceChargeReasonCode")).isEqualTo("00");
            assertThat(text(allowance, CBC, "Amount")).isEqualTo(expected[i][1]);
            assertThat(text(allowance, CBC, "BaseAmount")).isEqualTo(expected[i][2]);
            assertThat(text(allowance, CBC, "MultiplierFactorNumeric")).isEqualTo(expected[i][3]);
        }
        Element monetary = (Element) xml.getElementsByTagNameNS(CAC, "LegalMonetaryTotal").item(0);
        assertThat(text(monetary, CBC, "LineExtensionAmount")).isEqualTo("69.82");
        assertThat(text(monetary, CBC, "PayableAmount")).isEqualTo("74.50");
        assertThat(TestSunat.simulator().receivedDocuments()).as("the simulator accepted it")
                .anyMatch(d -> d.fileName().endsWith("-" + invoice.getJsonObject("summary").getString("number") + ".zip")
                        && d.verdict().outcome().name().equals("ACCEPTED"));
    }

    @Test
    void fiftyConcurrentIssuesInOneSeriesGetContiguousNumbers() throws Exception {
        Http cashier = DemoUsers.CASHIER.signIn(http);
        long lim01 = lim01();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Long>> orders = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                orders.add(pool.submit(() -> paidOrder(cashier, lim01, null, line("LAB-GLU", "1"))
                        .getJsonNumber("id").longValue()));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : orders) {
                numbers.add(single("select number from billing_documents where order_id = " + f.get()));
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(50);
            long min = numbers.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(max - min).as("contiguous").isEqualTo(49);
        } finally {
            pool.shutdownNow();
        }
        // The whole series, whatever other tests issued in it: 1..n without a gap or a repeat.
        long n = single("select count(*) from billing_documents where location_id = " + lim01 + " and series = 'B001'");
        assertThat(single("select max(number) from billing_documents where location_id = " + lim01
                + " and series = 'B001'")).isEqualTo(n);
        assertThat(single("select count(distinct number) from billing_documents where location_id = " + lim01
                + " and series = 'B001'")).isEqualTo(n);
        assertThat(single("select last_number from numbering_counters where counter = 'FISCAL_SERIES'"
                + " and scope = '" + lim01 + "/B001'")).isEqualTo(n);
        // 50 concurrent payments and their sends leave the tenant's audit chain whole.
        Reply chain = DemoUsers.ADMIN.signIn(http).get("api/audit-log/verification");
        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.json().getBoolean("valid")).as(chain.body()).isTrue();
    }

    @Test
    void anAccountantInvoicesACreditSaleWithInstalmentsAndItsPaymentIssuesNothingMore() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http accountant = DemoUsers.ACCOUNTANT.signIn(http);
        Reply registered = admin.post("api/orders", "{\"locationId\":" + lim01() + ",\"customerId\":"
                + rucCustomer(admin) + ",\"lines\":[" + line("LAB-LIP", "2") + "]}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        long orderId = registered.json().getJsonNumber("id").longValue();
        BigDecimal total = JsonMoney.of(registered.json(), "total");
        BigDecimal half = total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Lima"));
        String body = "{\"orderId\":" + orderId + ",\"instalments\":[{\"amount\":\"" + half + "\",\"due\":\""
                + today.plusDays(30) + "\"},{\"amount\":\"" + total.subtract(half) + "\",\"due\":\"" + today.plusDays(60)
                + "\"}]}";
        assertThat(DemoUsers.CASHIER.signIn(http).post("api/billing/invoices", body).status())
                .as("cashiers do not invoice credit sales").isEqualTo(403);
        Reply issued = accountant.post("api/billing/invoices", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonObject invoice = awaitStatus(accountant, issued.json(), "ACCEPTED");
        assertThat(invoice.getString("paymentTerms")).isEqualTo("CREDIT");
        assertThat(invoice.getJsonArray("instalments")).hasSize(2);
        long id = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        String xml = new String(assertValidSignedXml(accountant, "api/billing/invoices/" + id + "/xml"),
                StandardCharsets.UTF_8);
        assertThat(xml).contains(">Credito<").contains(">Cuota001<").contains(">Cuota002<");
        assertThat(accountant.post("api/billing/invoices", body).status()).as("invoiced once").isEqualTo(409);

        Reply paid = admin.post("api/orders/" + orderId + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\""
                + total + "\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(count("select count(*) from billing_documents where order_id = " + orderId)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ SUNAT's answers

    @Test
    void anException0100IsRetriedWithBackoffAndThenAccepted() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        // Nothing else bound for SUNAT in flight, so the two failing calls are this invoice's (notifications may wait
        // for quiet hours or a recipient's limit: they are not SUNAT's).
        awaitRow("select count(*) from outbox_messages where topic like 'billing.sunat.%'"
                + " and status in ('PENDING', 'IN_FLIGHT')", n -> n == 0);
        TestSunat.simulator().simulateOutage(2);
        JsonObject order = paidOrder(admin, lim01(), null, line("LAB-GLU", "1"));
        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        List<JsonObject> answers = invoice.getJsonArray("sunatAnswers").getValuesAs(JsonObject.class);
        assertThat(answers).extracting(a -> a.getString("outcome")).containsExactly("RETRY", "RETRY", "ACCEPTED");
        assertThat(answers.get(0).getString("code")).isEqualTo("0100");
        assertThat(statuses(invoice)).containsExactly("PENDING", "SENT", "PENDING", "SENT", "PENDING", "SENT",
                "ACCEPTED");
    }

    /**
     * SUNAT registers the boleta but its answer is lost (the simulator answers HTTP 504): the retry gets exception
     * 1033, already registered, which ends the sending instead of retrying forever.
     */
    @Test
    void aDocumentWhoseAnswerWasLostIsAcceptedOn1033InsteadOfRetriedForever() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        awaitRow("select count(*) from outbox_messages where topic like 'billing.sunat.%'"
                + " and status in ('PENDING', 'IN_FLIGHT')", n -> n == 0);
        TestSunat.simulator().simulateLostAnswers(1);
        JsonObject order = paidOrder(admin, lim01(), null, line("LAB-GLU", "1"));
        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        List<JsonObject> answers = invoice.getJsonArray("sunatAnswers").getValuesAs(JsonObject.class);
        assertThat(answers).extracting(a -> a.getString("outcome")).containsExactly("RETRY", "ACCEPTED");
        assertThat(answers.get(1).getString("code")).isEqualTo("1033");
        assertThat(answers.get(1).getString("notes")).startsWith("1033").contains("no CDR");
        assertThat(statuses(invoice)).containsExactly("PENDING", "SENT", "PENDING", "SENT", "ACCEPTED");
        long id = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        assertThat(count("select count(*) from outbox_messages where topic = 'billing.sunat.send' and aggregate_id = "
                + id + " and status = 'DONE'")).isEqualTo(1);
        String file = "-03-" + invoice.getJsonObject("summary").getString("number") + ".zip";
        assertThat(TestSunat.simulator().receivedDocuments()).filteredOn(d -> d.fileName().endsWith(file))
                .extracting(d -> d.verdict().code()).containsExactly("0", "1033");
    }

    /** The 80 mm ticket prints the company's logo like the A4 page does. */
    @Test
    void theTicketCarriesTheCompanysLogo() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long id = invoiceOf(admin, paidOrder(admin, lim01(), null, line("LAB-GLU", "1")))
                .getJsonObject("summary").getJsonNumber("id").longValue();
        String company = "(select id from tenants where slug = 'demo')";
        byte[] logo = bytes("select logo from companies where tenant_id = " + company);
        String type = singleText("select logo_content_type from companies where tenant_id = " + company);
        try {
            setLogo(company, null, null);
            assertThat(PdfImages.onFirstPage(admin.getBytes("api/billing/invoices/" + id + "/pdf?format=ticket").body()))
                    .as("no logo, no image (the QR is drawn, not an image)").isZero();
            setLogo(company, png(240, 80), "image/png");
            assertThat(PdfImages.onFirstPage(admin.getBytes("api/billing/invoices/" + id + "/pdf?format=ticket").body()))
                    .isEqualTo(1);
        } finally {
            setLogo(company, logo, type);
        }
    }

    @Test
    void anObservationOfSunatLeavesTheDocumentAcceptedWithObservations() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String ubigeo = singleText("select ubigeo from companies c join tenants t on t.id = c.tenant_id"
                + " where t.slug = 'demo'");
        // 150100: province 01 exists but district 00 is no ubigeo of catalogue 13, which SUNAT observes (4093).
        update("update companies set ubigeo = '150100' where tenant_id = (select id from tenants where slug = 'demo')");
        JsonObject invoice;
        try {
            JsonObject order = paidOrder(admin, lim01(), null, line("LAB-GLU", "1"));
            invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED_WITH_OBSERVATIONS");
        } finally {
            update("update companies set ubigeo = '" + ubigeo + "' where tenant_id = (select id from tenants"
                    + " where slug = 'demo')");
        }
        JsonObject answer = invoice.getJsonArray("sunatAnswers").getJsonObject(0);
        assertThat(answer.getString("notes")).startsWith("4093");
        long id = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        assertThat(new String(admin.getBytes("api/billing/invoices/" + id + "/cdr").body(), StandardCharsets.UTF_8))
                .contains("4093");
    }

    /**
     * Cuadra never issues a factura to a DNI (its own checks refuse it), so a 2800 cannot be provoked through
     * the API. The test forges the case SUNAT guards against: while the simulator is down, the stored XML of
     * a pending factura is rewritten to name a DNI customer and re-signed with the domain's certificate; the
     * outbox then sends exactly that, SUNAT answers CDR 2800 and the document is REJECTED for good.
     */
    @Test
    void aRejection2800IsFinalAndTheNumberIsSpent() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long company = rucCustomer(admin);
        TestSunat.stop();
        long id;
        long orderId;
        try {
            JsonObject order = paidOrder(admin, lim01(), company, line("LAB-GLU", "1"));
            orderId = order.getJsonNumber("id").longValue();
            id = invoiceOf(admin, order).getJsonObject("summary").getJsonNumber("id").longValue();
            awaitRow("select count(*) from billing_sunat_responses where document_id = " + id, n -> n >= 1);
            byte[] forged = forgeDniCustomer(bytes("select xml from billing_documents where id = " + id));
            try (Connection c = TestDatabase.current().connect();
                 PreparedStatement s = c.prepareStatement("update billing_documents set xml = ? where id = ?")) {
                s.setBytes(1, forged);
                s.setLong(2, id);
                s.executeUpdate();
            }
        } finally {
            TestSunat.start();
        }
        JsonObject invoice = awaitStatus(admin, admin.get("api/billing/invoices/" + id).json(), "REJECTED");
        List<JsonObject> answers = invoice.getJsonArray("sunatAnswers").getValuesAs(JsonObject.class);
        assertThat(answers.get(answers.size() - 1).getString("code")).isEqualTo("2800");
        assertThat(admin.post("api/billing/invoices/" + id + "/resend", "").status()).isEqualTo(409);
        assertThat(admin.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"01\","
                + "\"description\":\"Anulación\"}").status()).as("a rejected number is not credited").isEqualTo(409);
        String number = invoice.getJsonObject("summary").getString("number");
        JsonObject next = invoiceOf(admin, paidOrder(admin, lim01(), company, line("LAB-GLU", "1")));
        assertThat(next.getJsonObject("summary").getString("number")).as("the rejected number is not reused")
                .isNotEqualTo(number);

        // The paid order has no valid invoice: the document page offers the replacement, which takes a new number
        String page = TestEnvironment.baseUrl() + "billing/document.xhtml?id=" + id;
        try (Browser browser = signedIn(DemoUsers.ADMIN)) {
            browser.open(page).waitForText("#document\\:status", "Rechazado");
            assertThat(browser.driver().findElements(By.id("document:reissue"))).hasSize(1);
        }
        assertThat(admin.post("api/billing/invoices/by-order/" + next.getJsonObject("summary")
                .getJsonNumber("orderId").longValue() + "/reissue", "").status())
                .as("an order with a valid invoice is not invoiced again").isEqualTo(409);
        Reply reissued = admin.post("api/billing/invoices/by-order/" + orderId + "/reissue", "");
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        JsonObject replacement = awaitStatus(admin, reissued.json(), "ACCEPTED");
        String newNumber = replacement.getJsonObject("summary").getString("number");
        assertThat(newNumber).matches("F001-\\d+").isNotEqualTo(number);
        assertThat(JsonMoney.of(replacement.getJsonObject("summary"), "total"))
                .isEqualByComparingTo(JsonMoney.of(invoice.getJsonObject("summary"), "total"));
        assertThat(replacement.getJsonArray("timeline").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("notes", "")).anyMatch(n -> n.contains("Replaces " + number));
        assertValidSignedXml(admin, "api/billing/invoices/" + replacement.getJsonObject("summary")
                .getJsonNumber("id").longValue() + "/xml");
        assertThat(invoiceOf(admin, admin.get("api/orders/" + orderId).json()).getJsonObject("summary")
                .getString("number")).isEqualTo(newNumber);
        JsonObject rejected = admin.get("api/billing/invoices/" + id).json();
        assertThat(rejected.getJsonObject("summary").getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getJsonArray("timeline").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("notes", "")).anyMatch(n -> n.contains("Replaced by " + newNumber));
        assertThat(admin.post("api/billing/invoices/by-order/" + orderId + "/reissue", "").status())
                .as("replaced once").isEqualTo(409);
        try (Browser browser = signedIn(DemoUsers.ADMIN)) {
            browser.open(page).waitForText("#document\\:status", "Rechazado");
            assertThat(browser.driver().findElements(By.id("document:reissue"))).isEmpty();
        }
    }

    @Test
    void pendingInvoicesAreSentAfterTheApplicationRestarts() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        TestSunat.stop();
        long id;
        PayaraDomain domain = new PayaraDomain(Path.of(System.getProperty("payara.home")), TestEnvironment.DOMAIN,
                TestEnvironment.portBase(), Map.of());
        String app = deployedApplication(domain);
        try {
            id = invoiceOf(admin, paidOrder(admin, lim01(), null, line("LAB-GLU", "1")))
                    .getJsonObject("summary").getJsonNumber("id").longValue();
            awaitRow("select count(*) from billing_sunat_responses where document_id = " + id
                    + " and outcome = 'RETRY'", n -> n >= 1);
            // The application stops with the invoice unsent: only the database remembers it.
            domain.asadmin("--port=" + domain.adminPort(), "disable", app);
            assertThat(singleText("select status from billing_documents where id = " + id)).isIn("PENDING", "SENT");
            assertThat(singleText("select status from outbox_messages where aggregate_id = " + id))
                    .isIn("PENDING", "IN_FLIGHT");
        } finally {
            TestSunat.start();
        }
        domain.asadmin("--port=" + domain.adminPort(), "enable", app);
        awaitHealthy();
        Http again = DemoUsers.ADMIN.signIn(http);
        JsonObject invoice = awaitStatus(again, again.get("api/billing/invoices/" + id).json(), "ACCEPTED");
        assertThat(statuses(invoice)).startsWith("PENDING").endsWith("ACCEPTED");
    }

    // ------------------------------------------------------------------ credit notes

    @Test
    void cancellingAnInvoicedOrderIssuesAFullCreditNoteThatVoidsTheInvoice() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonObject order = paidOrder(admin, lim01(), rucCustomer(admin), line("LAB-GLU", "1"), line("LAB-COV", "1"));
        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        long orderId = order.getJsonNumber("id").longValue();
        Reply read = admin.get("api/orders/" + orderId);
        Reply cancelled = admin.post("api/orders/" + orderId + "/cancel", "{\"reason\":\"Paciente no se presentó\"}",
                "If-Match", read.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        long invoiceId = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        JsonObject voided = admin.get("api/billing/invoices/" + invoiceId).json();
        assertThat(voided.getJsonObject("summary").getString("status")).isEqualTo("CANCELLED");
        JsonObject noteSummary = voided.getJsonArray("creditNotes").getJsonObject(0);
        assertThat(noteSummary.getString("number")).matches("FC01-\\d+");
        assertThat(JsonMoney.of(noteSummary, "total"))
                .isEqualByComparingTo(JsonMoney.of(invoice.getJsonObject("summary"), "total"));
        long noteId = noteSummary.getJsonNumber("id").longValue();
        JsonObject note = awaitStatus(admin, admin.get("api/billing/credit-notes/" + noteId).json(), "ACCEPTED");
        assertThat(note.getString("reasonCode")).isEqualTo("01");
        byte[] xml = assertValidSignedXml(admin, "api/billing/credit-notes/" + noteId + "/xml");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<CreditNote")
                .contains(invoice.getJsonObject("summary").getString("number"));
        assertThat(admin.getBytes("api/billing/credit-notes/" + noteId + "/pdf").contentType())
                .startsWith("application/pdf");
    }

    @Test
    void partialCreditNotesNeverExceedWhatRemainsOfTheOriginal() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http accountant = DemoUsers.ACCOUNTANT.signIn(http);
        JsonObject order = paidOrder(admin, lim01(), null, line("LAB-GLU", "3"), line("LAB-HEM", "1"));
        JsonObject invoice = awaitStatus(admin, invoiceOf(admin, order), "ACCEPTED");
        long id = invoice.getJsonObject("summary").getJsonNumber("id").longValue();
        BigDecimal total = JsonMoney.of(invoice.getJsonObject("summary"), "total");

        Reply returned = accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"07\","
                + "\"description\":\"Devolución de una glucosa\",\"lines\":[{\"lineNumber\":1,\"quantity\":1}]}");
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(returned.json().getJsonObject("summary").getString("number")).matches("BC01-\\d+");
        assertThat(JsonMoney.of(returned.json().getJsonObject("summary"), "total"))
                .isEqualByComparingTo("15.00");
        Reply tooMany = accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"07\","
                + "\"description\":\"Devolución\",\"lines\":[{\"lineNumber\":1,\"quantity\":3}]}");
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.body()).contains("only 2 can still be returned");
        Reply discount = accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"05\","
                + "\"description\":\"Descuento por demora\",\"lines\":[{\"lineNumber\":2,\"amount\":\"5.00\"}]}");
        assertThat(discount.status()).as(discount.toString()).isEqualTo(201);
        assertThat(accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"05\","
                + "\"description\":\"Otro\",\"lines\":[{\"lineNumber\":2,\"amount\":\"30.01\"}]}").status())
                .as("more than the 30.00 left of line 2").isEqualTo(422);
        assertThat(DemoUsers.CASHIER.signIn(http).post("api/billing/credit-notes", "{\"invoiceId\":" + id
                + ",\"reasonCode\":\"01\",\"description\":\"x\"}").status()).as("cashiers cannot credit").isEqualTo(403);

        Reply rest = accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"01\","
                + "\"description\":\"Anulación del resto\"}");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        JsonObject original = accountant.get("api/billing/invoices/" + id).json();
        assertThat(original.getJsonObject("summary").getString("status")).isEqualTo("CANCELLED");
        assertThat(JsonMoney.of(original.getJsonObject("summary"), "creditedTotal"))
                .isEqualByComparingTo(total);
        for (JsonObject note : original.getJsonArray("creditNotes").getValuesAs(JsonObject.class)) {
            long noteId = note.getJsonNumber("id").longValue();
            awaitStatus(accountant, accountant.get("api/billing/credit-notes/" + noteId).json(), "ACCEPTED");
            assertValidSignedXml(accountant, "api/billing/credit-notes/" + noteId + "/xml");
        }
        assertThat(accountant.post("api/billing/credit-notes", "{\"invoiceId\":" + id + ",\"reasonCode\":\"01\","
                + "\"description\":\"Otra vez\"}").status()).as("nothing remains").isEqualTo(409);
        Reply notes = accountant.get("api/billing/credit-notes?status=ACCEPTED");
        assertThat(notes.status()).isEqualTo(200);
        assertThat(notes.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("originalId").longValue()).contains(id);
    }

    // ------------------------------------------------------------------ France, isolation

    @Test
    void aFrenchTenantGetsContinuouslyNumberedFacturesWithoutSunat() throws Exception {
        FrenchTenant fr = FrenchTenant.ensure();
        Http admin = DemoUsers.signIn(http, FrenchTenant.ADMIN_EMAIL, OtherTenant.ADMIN_PASSWORD);
        List<String> numbers = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 2; i++) {
            JsonObject order = paidOrder(admin, fr.locationId, null, line(FrenchTenant.ITEM, "2"));
            JsonObject invoice = invoiceOf(admin, order);
            JsonObject summary = invoice.getJsonObject("summary");
            assertThat(summary.getString("kind")).isEqualTo("FACTURE");
            assertThat(summary.getString("status")).isEqualTo("ISSUED");
            assertThat(JsonMoney.of(summary, "total")).as("2 x 60.00 TTC").isEqualByComparingTo("120.00");
            numbers.add(summary.getString("number"));
            last = summary.getJsonNumber("id").longValue();
        }
        assertThat(numbers.get(0)).matches("F001-\\d{6}");
        assertThat(Long.parseLong(numbers.get(1).substring(5))).isEqualTo(Long.parseLong(numbers.get(0).substring(5)) + 1);
        Http.Bytes pdf = admin.getBytes("api/billing/invoices/" + last + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String text = textOf(pdf.body());
        assertThat(text).contains("FACTURE").contains(numbers.get(1)).contains("SIRET").contains("TVA");
        assertThat(admin.get("api/billing/invoices/" + last + "/xml").status()).as("no SUNAT XML").isEqualTo(404);
        assertThat(count("select count(*) from outbox_messages where aggregate_id = " + last)).isZero();
    }

    @Test
    void documentsAreHiddenFromOtherTenantsAndOtherLocations() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonObject order = paidOrder(admin, cus02(), null, line("LAB-GLU", "1"));
        long id = invoiceOf(admin, order).getJsonObject("summary").getJsonNumber("id").longValue();
        long orderId = order.getJsonNumber("id").longValue();
        Http stranger = OtherTenant.signIn(http);
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, "api/billing/invoices/" + id,
                "api/billing/invoices/" + id + "/xml", "api/billing/invoices/by-order/" + orderId);
        assertThat(stranger.getBytes("api/billing/invoices/" + id + "/pdf").status()).isEqualTo(404);
        assertThat(stranger.post("api/billing/invoices/" + id + "/resend", "").status()).isEqualTo(404);
        assertThat(stranger.get("api/billing/invoices").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(id);
        Http cashier = DemoUsers.CASHIER.signIn(http);
        TenantIsolation.assertNotFound(cashier, "api/billing/invoices/" + id);
        assertThat(cashier.get("api/billing/invoices?location=" + cus02()).status()).isEqualTo(404);
        assertThat(cashier.get("api/billing/invoices?size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(o -> o.getJsonNumber("locationId").longValue())
                .containsOnly(lim01());
    }

    // ------------------------------------------------------------------ helpers

    private static String line(String code, String quantity) {
        return "{\"itemCode\":\"" + code + "\",\"quantity\":" + quantity + "}";
    }

    /** Registers and pays an order in one call: cash handed over above the total comes back as change. */
    private static JsonObject paidOrder(Http client, long location, Long customer, String... lines) {
        String body = "{\"locationId\":" + location + (customer == null ? "" : ",\"customerId\":" + customer)
                + ",\"lines\":[" + String.join(",", lines) + "],\"payments\":[{\"methodCode\":\"EFECTIVO\","
                + "\"amount\":\"1000.00\"}]}";
        Reply r = client.post("api/orders", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("paymentStatus")).isEqualTo("PAID");
        return r.json();
    }

    private static JsonObject invoiceOf(Http client, JsonObject order) {
        Reply r = client.get("api/billing/invoices/by-order/" + order.getJsonNumber("id").longValue());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject awaitStatus(Http client, JsonObject document, String status) throws InterruptedException {
        long id = document.getJsonObject("summary").getJsonNumber("id").longValue();
        String path = (document.getString("reasonCode", null) == null ? "api/billing/invoices/"
                : "api/billing/credit-notes/") + id;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject current = document;
        while (!status.equals(current.getJsonObject("summary").getString("status"))) {
            assertThat(System.nanoTime()).as("%s still %s, not %s: %s", path,
                    current.getJsonObject("summary").getString("status"), status, current).isLessThan(deadline);
            Thread.sleep(300);
            current = client.get(path).json();
        }
        return current;
    }

    private static List<String> statuses(JsonObject document) {
        return document.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .filter(e -> !e.getString("toStatus").equals(e.getString("fromStatus", "")))
                .map(e -> e.getString("toStatus")).toList();
    }

    /** Downloads the XML, checks it against the UBL 2.1 XSDs and its signature with the JDK; returns it. */
    private static byte[] assertValidSignedXml(Http client, String path) {
        Http.Bytes xml = client.getBytes(path);
        assertThat(xml.status()).isEqualTo(200);
        assertThat(UblSchemaValidator.errors(xml.body())).as("UBL 2.1 schema").isEmpty();
        assertThat(new XmlSignatureVerifier().verify(xml.body())).as("signature").isTrue();
        String tampered = new String(xml.body(), StandardCharsets.UTF_8)
                .replaceFirst("(<cbc:PayableAmount currencyID=\"PEN\">)(\\d+)", "$19$2");
        assertThat(new XmlSignatureVerifier().verify(tampered.getBytes(StandardCharsets.UTF_8)))
                .as("one changed amount breaks the signature").isFalse();
        return xml.body();
    }

    private static void setLogo(String tenant, byte[] logo, String contentType) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(
                "update companies set logo = ?, logo_content_type = ? where tenant_id = " + tenant)) {
            s.setBytes(1, logo);
            s.setString(2, contentType);
            s.executeUpdate();
        }
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String text(Element parent, String namespace, String name) {
        return parent.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    private static Browser signedIn(DemoUsers user) throws Exception {
        Browser browser = new Browser();
        browser.open(TestEnvironment.baseUrl()).waitForUrl("login.xhtml");
        browser.type("#login\\:email", user.email)
                .type("#login\\:password_input, #login\\:password", user.password)
                .click("#login\\:submit")
                .waitForText(".cuadra-who", user.email);
        return browser;
    }

    private static String qrOf(Http client, String path) throws Exception {
        Http.Bytes pdf = client.getBytes(path);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** A factura to a DNI: the customer's schemeID becomes 1, then signed again with the domain's certificate. */
    private static byte[] forgeDniCustomer(byte[] signedXml) {
        Document doc = XmlDocuments.parse(signedXml);
        Element customer = (Element) doc.getElementsByTagNameNS(CAC, "AccountingCustomerParty").item(0);
        Element id = (Element) customer.getElementsByTagNameNS(CBC, "ID").item(0);
        id.setAttribute("schemeID", "1");
        id.setTextContent("45871236");
        NodeList signatures = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        Node signature = signatures.item(0);
        signature.getParentNode().removeChild(signature);
        SigningCredentials credentials = SigningCredentials.fromPkcs12(TestSunat.keystore(),
                DevKeys.SIGNING_PASSWORD.toCharArray(), DevKeys.SIGNING_ALIAS);
        return new XmlDocumentSigner(credentials).sign(doc).xml();
    }

    private static String deployedApplication(PayaraDomain domain) throws Exception {
        // The EAR names itself "cuadra" (application.xml), whatever the archive was called.
        Matcher m = Pattern.compile("(?m)^(cuadra\\S*)").matcher(domain.asadmin("--port=" + domain.adminPort(),
                "list-applications"));
        assertThat(m.find()).as("a cuadra application is deployed").isTrue();
        return m.group(1);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                if (http.get("health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // still starting
            }
            assertThat(System.nanoTime()).as("the application comes back").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitRow(String sql, Predicate<Long> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.test(single(sql))) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private static long rucCustomer(Http client) throws SQLException {
        Long id = singleOrNull("select c.id from customers c join tenants t on t.id = c.tenant_id where t.slug = 'demo'"
                + " and c.document_type = '6' and c.merged_into_id is null and c.deleted_at is null order by c.id limit 1");
        assertThat(id).as("a demo company with RUC").isNotNull();
        return id;
    }

    private static long lim01() throws SQLException {
        return single("select l.id from locations l join tenants t on t.id = l.tenant_id where t.slug = 'demo'"
                + " and l.code = 'LIM01'");
    }

    private static long cus02() throws SQLException {
        return single("select l.id from locations l join tenants t on t.id = l.tenant_id where t.slug = 'demo'"
                + " and l.code = 'CUS02'");
    }

    private static long count(String sql) throws SQLException {
        return single(sql);
    }

    private static long single(String sql) throws SQLException {
        Long v = singleOrNull(sql);
        assertThat(v).as(sql).isNotNull();
        return v;
    }

    private static Long singleOrNull(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : null;
        }
    }

    private static String singleText(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static byte[] bytes(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * A French company written straight into the database like {@link OtherTenant}: company (SIREN), location
     * PAR01 in Paris with series F001, billing profile (legal mentions), a 20 % VAT rate and a service, cash,
     * and admin@fr.test with the demo admin's permissions and password.
     */
    static final class FrenchTenant {
        static final String ADMIN_EMAIL = "admin@fr.test";
        static final String ITEM = "FR-CONSULT";
        private static FrenchTenant instance;
        final long tenantId;
        final long locationId;

        private FrenchTenant(long tenantId, long locationId) {
            this.tenantId = tenantId;
            this.locationId = locationId;
        }

        static synchronized FrenchTenant ensure() throws SQLException {
            if (instance != null) {
                return instance;
            }
            try (Connection c = TestDatabase.current().connect()) {
                c.setAutoCommit(false);
                long t = next(c);
                exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (" + t
                        + ", 'fr', 'Cuadra France', 'it', 'it')");
                exec(c, "insert into companies (id, tenant_id, country, tax_id, legal_name, fiscal_address, currency,"
                        + " default_tax_percent, time_zone, created_by, updated_by) values (" + next(c) + ", " + t
                        + ", 'FR', '904812302', 'CUADRA FRANCE', '12 rue de la Paix, 75002 Paris', 'EUR', 20,"
                        + " 'Europe/Paris', 'it', 'it')");
                exec(c, "insert into billing_profiles (id, tenant_id, legal_form, share_capital, siret, rcs_city,"
                        + " vat_number, created_by, updated_by) values (" + next(c) + ", " + t + ", 'SAS', 10000,"
                        + " '90481230200019', 'Paris', 'FR73904812302', 'it', 'it')");
                long l = next(c);
                exec(c, "insert into locations (id, tenant_id, code, name, time_zone, invoice_series,"
                        + " invoice_credit_series, created_by, updated_by) values (" + l + ", " + t + ", 'PAR01',"
                        + " 'Paris Opéra', 'Europe/Paris', 'F001', 'FA01', 'it', 'it')");
                long rate = next(c);
                exec(c, "insert into tax_rates (id, tenant_id, country, name, percent, affectation_code, created_by,"
                        + " updated_by) values (" + rate + ", " + t + ", 'FR', 'TVA 20 %', 20, '10', 'it', 'it')");
                exec(c, "insert into payment_methods (id, tenant_id, code, name, kind, created_by, updated_by) values ("
                        + next(c) + ", " + t + ", 'EFECTIVO', 'Espèces', 'CASH', 'it', 'it')");
                long r = next(c);
                exec(c, "insert into roles (id, tenant_id, code, name, all_locations, created_by, updated_by) values ("
                        + r + ", " + t + ", 'ADMIN', 'Administrateur', true, 'it', 'it')");
                exec(c, "insert into role_permissions (role_id, module, action) select " + r + ", p.module, p.action"
                        + " from role_permissions p join roles ro on ro.id = p.role_id join tenants te"
                        + " on te.id = ro.tenant_id where te.slug = 'demo' and ro.code = 'ADMIN'");
                long u = next(c);
                exec(c, "insert into users (id, tenant_id, email, password_hash, first_name, last_name, created_by,"
                        + " updated_by) select " + u + ", " + t + ", '" + ADMIN_EMAIL + "', password_hash, 'Admin',"
                        + " 'France', 'it', 'it' from users where email = '" + DemoUsers.ADMIN.email + "'");
                exec(c, "insert into user_roles (user_id, role_id) values (" + u + ", " + r + ")");
                exec(c, "insert into user_locations (user_id, location_id) values (" + u + ", " + l + ")");
                c.commit();
                instance = new FrenchTenant(t, l);
            }
            Http admin = DemoUsers.signIn(new Http(TestEnvironment.baseUrl()), ADMIN_EMAIL, OtherTenant.ADMIN_PASSWORD);
            long rate = single("select id from tax_rates where tenant_id = " + instance.tenantId);
            Reply item = admin.post("api/catalog/items", "{\"type\":\"SERVICE\",\"code\":\"" + ITEM + "\",\"name\":"
                    + "\"Consultation\",\"unitCode\":\"ZZ\",\"price\":\"60.00\",\"taxRateId\":" + rate + "}");
            assertThat(item.status()).as(item.toString()).isEqualTo(201);
            return instance;
        }

        private static long next(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('cuadra_id_seq')")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static void exec(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }
    }
}
