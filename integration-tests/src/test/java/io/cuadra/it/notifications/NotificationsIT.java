package io.cuadra.it.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.billing.infrastructure.signature.XmlSignatureVerifier;
import io.cuadra.it.reconciliation.DaySeed;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestMessaging;
import io.cuadra.messaging.simulator.MessagingSimulator;
import io.cuadra.messaging.simulator.Received;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications on the deployed EAR with the SMTP server (GreenMail), the SUNAT simulator and the WhatsApp/SMS
 * stand-ins: an accepted factura reaches its customer by e-mail (PDF and signed XML attached) and WhatsApp; an
 * opted-out customer gets nothing and the history says why; a provider failing three times then answering
 * delivers once; a closure's discrepancy alerts the location's supervisors in-app and by e-mail.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT extends CuadraDeployment {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("cuadra.it.mail.port", 28025), null, "smtp"));

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** A provider took it; its delivery report may already have come back (SMS reports on every send here). */
    private static final List<String> TAKEN = List.of("SENT", "DELIVERED");

    private final Http http = http();

    @Test
    void anAcceptedFacturaReachesTheCustomersMailboxWithPdfAndSignedXmlAndWhatsAppGetsTheTemplate() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String email = "cliente" + unique() + "@example.pe";
        String phone = mobile();
        long customer = customer(admin, email, phone, "WHATSAPP", "es");
        JsonObject order = paidOrder(admin, customer);
        long orderId = order.getJsonNumber("id").longValue();

        List<JsonObject> sent = awaitHistory(admin, orderId, 2, m -> !m.getString("status").equals("QUEUED"));
        assertThat(sent).extracting(m -> m.getString("channel")).containsExactlyInAnyOrder("EMAIL", "WHATSAPP");
        assertThat(sent).allMatch(m -> TAKEN.contains(m.getString("status")), "sent (or already reported delivered)");
        String number = single("select display_number from billing_documents where order_id = " + orderId);
        assertThat(single("select status from billing_documents where order_id = " + orderId)).isEqualTo("ACCEPTED");

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).contains(number).startsWith("Factura");
        Multipart mixed = (Multipart) mail.getContent();
        byte[] pdf = null;
        byte[] xml = null;
        String text = null;
        String html = null;
        for (Part p : parts(mixed)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) && p.getFileName().endsWith(".pdf")) {
                pdf = bytes(p);
            } else if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) && p.getFileName().endsWith(".xml")) {
                xml = bytes(p);
            } else if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            } else if (p.isMimeType("text/html")) {
                html = (String) p.getContent();
            }
        }
        assertThat(text).contains("Factura").contains("PEN ");
        assertThat(html).contains("<strong>");
        assertThat(pdf).as("the printed representation").isNotNull();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(xml).as("the signed XML").isNotNull();
        assertThat(new XmlSignatureVerifier().verify(xml)).as("the attached XML's signature verifies").isTrue();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(number);

        Received whatsapp = awaitReceived(r -> r.api().equals("WHATSAPP") && phone.substring(1).equals(r.to())
                && r.accepted());
        assertThat(whatsapp.template()).isEqualTo("cuadra_invoice_sent");
        assertThat(whatsapp.body()).contains("\"code\":\"es\"").contains(number)
                .contains("\"type\":\"body\"");
        JsonObject wa = sent.stream().filter(m -> m.getString("channel").equals("WHATSAPP")).findFirst().orElseThrow();
        assertThat(wa.getString("providerId")).isEqualTo(whatsapp.id());
        for (JsonObject m : sent) {
            // The worker records its batch's successes together, just after the messages' own status.
            String outbox = "select count(*) from outbox_messages where topic = 'notifications.send' and aggregate_id = "
                    + m.getJsonNumber("id").longValue();
            await(() -> {
                try {
                    return count(outbox + " and status = 'DONE'") == 1 ? Boolean.TRUE : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the outbox row of " + m + " done");
            assertThat(count(outbox)).as("one outbox row per message").isEqualTo(1);
        }

        // Resend: a new message with its own history, the first one untouched.
        long first = sent.stream().filter(m -> m.getString("channel").equals("EMAIL")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        Reply resent = admin.post("api/notifications/" + first + "/resend", "");
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.json().getJsonNumber("resendOf").longValue()).isEqualTo(first);
        awaitHistory(admin, orderId, 3, m -> m.getString("status").equals("SENT"));
        assertThat(mailsTo(email)).hasSize(2);
        Reply cashier = DemoUsers.WAREHOUSE.signIn(http).get("api/notifications?orderId=" + orderId);
        assertThat(cashier.status()).as("warehouse staff may not read customers' messages").isEqualTo(403);
        assertThat(admin.get("api/notifications?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void anOptedOutCustomerGetsNothingAndTheHistorySaysWhy() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String email = "optout" + unique() + "@example.pe";
        String phone = mobile();
        long customer = customer(admin, email, phone, "SMS", "en");
        Reply consent = admin.put("api/notifications/consent/customers/" + customer,
                "{\"optedOut\":[\"EMAIL\",\"SMS\"]}");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        assertThat(admin.put("api/notifications/consent/customers/" + customer, "{\"optedOut\":[\"PHONE\"]}").status())
                .isEqualTo(422);
        long orderId = paidOrder(admin, customer).getJsonNumber("id").longValue();

        List<JsonObject> history = awaitHistory(admin, orderId, 2, m -> true);
        assertThat(history).extracting(m -> m.getString("channel"), m -> m.getString("status"), m -> m.getString("reason"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EMAIL", "SUPPRESSED", "The recipient opted out of EMAIL."),
                        org.assertj.core.groups.Tuple.tuple("SMS", "SUPPRESSED", "The recipient opted out of SMS."));
        for (JsonObject m : history) {
            assertThat(count("select count(*) from outbox_messages where topic = 'notifications.send' and aggregate_id = "
                    + m.getJsonNumber("id").longValue())).as("a suppressed message is never queued").isZero();
        }
        Thread.sleep(2_000); // what was never queued cannot arrive late; a short look makes sure
        assertThat(mailsTo(email)).isEmpty();
        assertThat(TestMessaging.simulator().received()).noneMatch(r -> phone.equals(r.to()));
        Reply filtered = admin.get("api/notifications?customerId=" + customer + "&status=SUPPRESSED&channel=SMS");
        assertThat(filtered.json().getInt("total")).isEqualTo(1);
    }

    @Test
    void aProviderAnswering500ThreeTimesThen200DeliversOnce() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String phone = mobile();
        long customer = customer(admin, null, phone, "SMS", "fr");
        MessagingSimulator sim = TestMessaging.simulator();
        sim.failNext(3, 500);
        long orderId = paidOrder(admin, customer).getJsonNumber("id").longValue();

        List<JsonObject> history = awaitHistory(admin, orderId, 2, m -> !m.getString("status").equals("QUEUED"));
        JsonObject sms = history.stream().filter(m -> m.getString("channel").equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.getString("status")).as(sms.toString()).isIn(TAKEN);
        assertThat(sms.getString("providerId")).startsWith("SM");
        assertThat(history.stream().filter(m -> m.getString("channel").equals("EMAIL")).findFirst().orElseThrow()
                .getString("reason")).isEqualTo("No e-mail address.");
        List<Received> got = sim.received().stream().filter(r -> phone.equals(r.to())).toList();
        assertThat(got).extracting(Received::status).containsExactly(500, 500, 500, 201);
        assertThat(got.stream().filter(Received::accepted)).as("delivered once").hasSize(1);
        assertThat(got.get(3).body()).contains("a été émise");
        System.out.println("[it] SMS after three 500s: outbox attempts " + sms.getInt("attempts")
                + " (the first tried three times in one go: ProviderGuard's quick retries)");
        assertThat(sms.getInt("attempts")).as("three calls in the first attempt, the fourth in the second").isEqualTo(2);

        // The kill between the provider's acceptance and the commit of SENT, replayed: the message QUEUED again with
        // its outbox row due, as the restart finds it. The same idempotency key goes out; the stand-in answers with
        // the first SID and sends nothing twice.
        long id = sms.getJsonNumber("id").longValue();
        int repeats = sim.repeatsAnswered();
        try (Connection c = TestDatabase.current().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("update notification_messages set status = 'QUEUED', provider_id = null where id = " + id);
            st.executeUpdate("update outbox_messages set status = 'PENDING', next_attempt_at = now(), locked_until = null,"
                    + " processed_at = null where topic = 'notifications.send' and aggregate_id = " + id);
        }
        JsonObject again = await(() -> {
            JsonObject m = admin.get("api/notifications/" + id).json();
            return m.getString("status").equals("QUEUED") ? null : m;
        }, "the replayed hand-over settled");
        assertThat(again.getString("providerId")).as("the first SID again").isEqualTo(sms.getString("providerId"));
        assertThat(sim.repeatsAnswered()).isEqualTo(repeats + 1);
        assertThat(sim.received().stream().filter(r -> phone.equals(r.to()) && r.accepted())).as("one SMS").hasSize(1);
    }

    @Test
    void aProviderFailingAgainAndAgainIsPausedItsMessagesWaitQueuedAndResumeExactlyOnce() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String phone = mobile();
        long customer = customer(admin, null, phone, "SMS", "es");
        MessagingSimulator sim = TestMessaging.simulator();
        // Five failures in a row open the breaker (three quick tries, then two more at the outbox's next attempt);
        // the trial after the pause fails too, the next trial gets through.
        sim.failNext(6, 503);
        long orderId = paidOrder(admin, customer).getJsonNumber("id").longValue();
        JsonObject paused = await(() -> providers(admin).stream().filter(p -> p.getString("channel").equals("SMS")
                && !p.getString("state").equals("CLOSED")).findFirst().orElse(null), "the SMS provider paused");
        System.out.println("[it] SMS provider while failing: " + paused);
        assertThat(history(admin, orderId).stream().filter(m -> m.getString("channel").equals("SMS")).findFirst()
                .orElseThrow().getString("status")).as("waits while the provider is paused")
                .isIn("QUEUED", "SENT", "DELIVERED");

        List<JsonObject> settled = awaitHistory(admin, orderId, 2, m -> !m.getString("status").equals("QUEUED"));
        JsonObject sms = settled.stream().filter(m -> m.getString("channel").equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.getString("status")).as(sms.toString()).isIn(TAKEN);
        assertThat(sim.received().stream().filter(r -> phone.equals(r.to()) && r.accepted())).as("sent once").hasSize(1);
        long failedCalls = sim.received().stream().filter(r -> phone.equals(r.to()) && !r.accepted()).count();
        System.out.println("[it] breaker: " + failedCalls + " failed calls, " + sms.getInt("attempts")
                + " outbox attempts counted");
        assertThat(sms.getInt("attempts")).as("waiting while paused spends no attempt").isLessThan((int) failedCalls + 1);
        await(() -> providers(admin).stream().anyMatch(p -> p.getString("channel").equals("SMS")
                && p.getString("state").equals("CLOSED")) ? Boolean.TRUE : null, "the SMS provider working again");
    }

    private static String optedOut(long customerId) {
        try {
            return single("select opted_out_channels from customers where id = " + customerId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> providers(Http client) {
        Reply r = client.get("api/notifications/providers");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> history(Http client, long orderId) {
        return client.get("api/notifications?orderId=" + orderId).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void deliveryReportsMoveSentMessagesOnAndAStopReplyOptsTheCustomerOut() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long tenant = Long.parseLong(single("select id from tenants where slug = 'demo'"));
        String hooks = TestEnvironment.baseUrl() + "api/webhooks/" + tenant;
        MessagingSimulator sim = TestMessaging.simulator();
        sim.whatsappWebhook(hooks + "/whatsapp", "stand-in-app-secret");
        sim.smsInbound(hooks + "/sms", "stand-in-token");
        try {
            String waPhone = mobile();
            long waCustomer = customer(admin, null, waPhone, "WHATSAPP", "es");
            String lostPhone = mobile();
            sim.undeliverable(lostPhone);
            long lostCustomer = customer(admin, null, lostPhone, "SMS", "en");
            long waOrder = paidOrder(admin, waCustomer).getJsonNumber("id").longValue();
            long lostOrder = paidOrder(admin, lostCustomer).getJsonNumber("id").longValue();

            // WhatsApp's signed status webhook (sent, delivered, read) and Twilio's StatusCallback (undelivered)
            JsonObject wa = awaitHistory(admin, waOrder, 2, m -> !m.getString("channel").equals("WHATSAPP")
                    || m.getString("status").equals("DELIVERED")).stream()
                    .filter(m -> m.getString("channel").equals("WHATSAPP")).findFirst().orElseThrow();
            assertThat(wa.getString("providerAnswer")).contains("| report: "); // delivered, or read when that overtook it
            JsonObject lost = awaitHistory(admin, lostOrder, 2, m -> !m.getString("channel").equals("SMS")
                    || m.getString("status").equals("FAILED")).stream()
                    .filter(m -> m.getString("channel").equals("SMS")).findFirst().orElseThrow();
            assertThat(lost.getString("reason")).contains("30006");
            assertThat(sim.received().stream().filter(r -> lostPhone.equals(r.to()) && r.accepted())).hasSize(1);

            // A forged report is refused, and changes nothing
            Reply forged = http.post("api/webhooks/" + tenant + "/whatsapp", ("{\"entry\":[{\"changes\":[{\"value\":"
                    + "{\"statuses\":[{\"id\":\"" + wa.getString("providerId") + "\",\"status\":\"failed\"}]}}]}]}")
                    .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "X-Hub-Signature-256", "sha256=00");
            assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
            assertThat(forged.contentType()).startsWith("application/problem+json");
            assertThat(http.post("api/webhooks/" + tenant + "/sms", "MessageSid=SMx&MessageStatus=failed"
                    .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded",
                    "X-Twilio-Signature", "bm9wZQ==").status()).isEqualTo(401);
            assertThat(admin.get("api/notifications/" + wa.getJsonNumber("id").longValue()).json().getString("status"))
                    .isEqualTo("DELIVERED");

            // STOP by SMS, BAJA on WhatsApp: that channel is refused from then on
            String smsPhone = mobile();
            long smsCustomer = customer(admin, null, smsPhone, "SMS", "es");
            sim.reply("SMS", smsPhone, "STOP");
            sim.reply("WHATSAPP", waPhone, "Baja");
            await(() -> optedOut(smsCustomer).equals("SMS") && optedOut(waCustomer).equals("WHATSAPP")
                    ? Boolean.TRUE : null, "the STOP replies recorded");
            long after = paidOrder(admin, smsCustomer).getJsonNumber("id").longValue();
            assertThat(awaitHistory(admin, after, 2, m -> true).stream().filter(m -> m.getString("channel").equals("SMS"))
                    .findFirst().orElseThrow().getString("reason")).isEqualTo("The recipient opted out of SMS.");
            System.out.println("[it] provider callbacks taken: " + sim.callbacksTaken() + ", refused after retries: "
                    + sim.callbacksRefused());
        } finally {
            sim.whatsappWebhook(null, null);
            sim.smsInbound(null, null);
        }
    }

    @Test
    void storedProviderSecretsAreSealedAtRestAndStillOpenToSend() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply set = admin.put("api/notifications/settings", "{\"smsAuthToken\":\"stand-in-token\","
                + "\"whatsappAppSecret\":\"stand-in-app-secret\"}");
        try {
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().getString("smsAuthToken")).isEqualTo("****");
            assertThat(set.json().getString("whatsappAppSecret")).isEqualTo("****");
            String stored = single("select s.sms_auth_token || ' ' || s.whatsapp_app_secret from notification_settings s"
                    + " join tenants t on t.id = s.tenant_id where t.slug = 'demo'");
            assertThat(stored).as("sealed at rest").startsWith("enc:v1:").contains(" enc:v1:").doesNotContain("stand-in");

            String phone = mobile();
            long customer = customer(admin, null, phone, "SMS", "es");
            long orderId = paidOrder(admin, customer).getJsonNumber("id").longValue();
            awaitHistory(admin, orderId, 2, m -> !m.getString("channel").equals("SMS") || TAKEN.contains(m.getString("status")));
            assertThat(TestMessaging.simulator().received().stream().filter(r -> phone.equals(r.to()) && r.accepted()))
                    .as("sent once, with the sealed token opened").hasSize(1);
        } finally {
            admin.put("api/notifications/settings", "{}");
        }
    }

    @Test
    void aDiscrepancyFoundByTheClosureAlertsTheSupervisorsInAppAndByEmail() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long unreadBefore = admin.get("api/notifications/alerts").json().getJsonNumber("unread").longValue();
        try (DaySeed d = DaySeed.newLocation(admin, LocalDate.of(2026, 3, 9))) {
            long unbilled = d.paidOrder(d.at(11, 0), "80.00"); // paid, never invoiced: MISSING_INVOICE
            d.payment(unbilled, "YAPE", "80.00", null, null, d.at(11, 1));
            Reply run = admin.post("api/reconciliation/closures/run", "{\"locationId\":" + d.locationId
                    + ",\"businessDate\":\"" + d.day + "\"}");
            assertThat(run.status()).as(run.toString()).isEqualTo(202);
            awaitJob(admin, run.json().getJsonNumber("executionId").longValue());

            JsonObject alert = await(() -> admin.get("api/notifications/alerts").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(a -> d.code.equals(a.getJsonObject("variables").getString("locationCode", "")))
                    .findFirst().orElse(null), "an alert for " + d.code);
            assertThat(alert.getString("event")).isEqualTo("DISCREPANCY_ALERT");
            assertThat(alert.getString("status")).isEqualTo("DELIVERED");
            assertThat(alert.getJsonObject("variables").getString("type")).isEqualTo("MISSING_INVOICE");
            JsonObject alerts = admin.get("api/notifications/alerts").json();
            assertThat(alerts.getJsonNumber("unread").longValue()).isEqualTo(unreadBefore + 1);
            Reply read = admin.post("api/notifications/alerts/" + alert.getJsonNumber("id").longValue() + "/read", "");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().getJsonNumber("unread").longValue()).isEqualTo(unreadBefore);
            assertThat(DemoUsers.CASHIER.signIn(http).post("api/notifications/alerts/"
                    + alert.getJsonNumber("id").longValue() + "/read", "").status())
                    .as("someone else's alert is not found").isEqualTo(404);
            assertThat(DemoUsers.CASHIER.signIn(http).get("api/notifications/alerts").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class)).as("a cashier is no supervisor")
                    .noneMatch(a -> d.code.equals(a.getJsonObject("variables").getString("locationCode", "")));
            MimeMessage mail = awaitMail(DemoUsers.ADMIN.email, m -> m.getSubject().contains(d.code));
            assertThat(mail.getSubject()).isEqualTo("Descuadre en " + d.code + " el " + d.day);
        }
    }

    @Test
    void aTemplateEditedAndPreviewedOnAnOrderIsWhatTheResendFromTheHistoryDelivers() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String email = "pagina" + unique() + "@example.pe";
        long customer = customer(admin, email, mobile(), "EMAIL", "en");
        long orderId = paidOrder(admin, customer).getJsonNumber("id").longValue();
        awaitHistory(admin, orderId, 1, m -> m.getString("status").equals("SENT"));
        String number = single("select display_number from billing_documents where order_id = " + orderId);
        String template = "api/notifications/templates/INVOICE_SENT/EMAIL/en";
        JsonObject shipped = admin.get(template).json();
        String marker = "edited " + unique();
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            String base = TestEnvironment.baseUrl();
            // The editor: the English e-mail of an invoice, a new subject, previewed on this very order.
            browser.open(base + "notifications/templates.xhtml?event=INVOICE_SENT&channel=EMAIL&language=en")
                    .waitForText("#variables", "documentNumber");
            browser.type("#templates\\:subject", "{{documentKind}} {{documentNumber}} " + marker)
                    .type("#templates\\:order", Long.toString(orderId)).click("#templates\\:preview")
                    .waitForText("#previewSubject", number + " " + marker);
            assertThat(browser.find("#previewSubject").getText()).isEqualTo("Invoice " + number + " " + marker);
            assertThat(browser.find("#previewText").getText()).contains(number);
            browser.click("#templates\\:save").waitForText("#templates\\:messages", "Plantilla guardada");
            assertThat(admin.get(template).json().getString("subject")).contains(marker);

            // The history, filtered to the order: resend its invoice, which now goes out with the edited wording.
            browser.open(base + "notifications/history.xhtml").waitForText("#history\\:table", "@");
            browser.type("#history\\:order", Long.toString(orderId)).click("#history\\:search")
                    .waitForText("#history\\:table", email);
            // The unfiltered first page shows this newest message too: wait until the filtered table has replaced it.
            await(() -> browser.driver().findElements(org.openqa.selenium.By.cssSelector("#history\\:table_data > tr"))
                    .size() == 1 ? Boolean.TRUE : null, "the table filtered to the order's one message");
            browser.click("#history\\:table\\:0\\:resend");
            List<JsonObject> sent = awaitHistory(admin, orderId, 2, m -> m.getString("status").equals("SENT"));

            // The order page and the customer editor show what was sent (opened once both messages settled): channel,
            // event and status in words, when in the location's time (Lima), attempts, a resend.
            String limaTime = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(java.time.Instant
                    .parse(sent.get(1).getString("createdAt")).atZone(java.time.ZoneId.of("America/Lima")));
            browser.open(base + "orders/order.xhtml?id=" + orderId).waitForText("#order\\:sentTable", email);
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#order\\:sentTable_data > tr")))
                    .hasSize(2);
            assertThat(browser.find("#order\\:sentTable").getText()).contains("Correo").contains("Comprobante al cliente")
                    .contains("Enviada").contains(limaTime).doesNotContain("INVOICE_SENT").doesNotContain("EMAIL");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#order\\:sentTable button")))
                    .as("a resend per message").hasSize(2);
            String name = single("select business_name from customers where id = " + customer);
            browser.open(base + "customers/list.xhtml").type("#customers\\:q", name)
                    .waitForText("#customers\\:table", name);
            await(() -> browser.driver().findElements(org.openqa.selenium.By.cssSelector("#customers\\:table_data > tr"))
                    .size() == 1 ? Boolean.TRUE : null, "the customer list filtered to the customer");
            browser.waitForAjaxIdle().click("#customers\\:table_data > tr:first-child td:last-child button")
                    .waitForText("#customers\\:sentTable", "Comprobante al cliente");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#customers\\:sentTable_data > tr")))
                    .hasSize(2);
            assertThat(browser.find("#customers\\:sentTable").getText()).contains("Enviada").contains(limaTime);
            assertThat(awaitMail(email, m -> m.getSubject().contains(marker)).getSubject())
                    .isEqualTo("Invoice " + number + " " + marker);
            long unread = admin.get("api/notifications/alerts").json().getJsonNumber("unread").longValue();
            browser.open(base + "notifications/alerts.xhtml").waitForText("#bell-count", Long.toString(unread));
        } finally {
            Reply restored = admin.put(template, jakarta.json.Json.createObjectBuilder()
                    .add("subject", shipped.getString("subject")).add("text", shipped.getString("text"))
                    .add("html", shipped.getString("html")).build().toString());
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        assertThat(mailsTo(email)).hasSize(2);
    }

    @Test
    void theRemainingEventsEachWriteTheirMessagesAndTheLotWarningComesOncePerDay() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = Long.parseLong(single("select l.id from locations l join tenants t on t.id = l.tenant_id"
                + " where t.slug = 'demo' and l.code = 'LIM01'"));
        // An order placed by WhatsApp, unpaid: the customer gets its confirmation, in English.
        String email = "remoto" + unique() + "@example.pe";
        long customer = customer(admin, email, mobile(), "EMAIL", "en");
        long remoteId = remoteOrder(admin, lim01, customer);
        JsonObject confirmation = awaitEvent(admin, remoteId, "ORDER_CONFIRMATION", "SENT");
        assertThat(confirmation.getString("channel")).isEqualTo("EMAIL");
        JsonObject variables = confirmation.getJsonObject("variables");
        assertThat(variables.getString("orderNumber")).isEqualTo(single("select number from orders where id = " + remoteId));
        assertThat(awaitMail(email).getSubject()).isEqualTo("Order " + variables.getString("orderNumber")
                + " registered at " + variables.getString("companyName"));

        // A paid counter sale, then cancelled: no confirmation; the invoice, then the credit note with its PDF and XML.
        long paidId = paidOrder(admin, customer).getJsonNumber("id").longValue();
        awaitEvent(admin, paidId, "INVOICE_SENT", "SENT");
        Reply order = admin.get("api/orders/" + paidId);
        Reply cancelled = admin.post("api/orders/" + paidId + "/cancel", "{\"reason\":\"Desistió\"}", "If-Match",
                order.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitEvent(admin, paidId, "CREDIT_NOTE_ISSUED", "SENT");
        assertThat(history(admin, paidId)).noneMatch(m -> m.getString("event").equals("ORDER_CONFIRMATION"));
        MimeMessage credit = awaitMail(email, m -> m.getSubject().startsWith("Credit note"));
        List<String> attached = new ArrayList<>();
        for (Part p : parts((Multipart) credit.getContent())) {
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                attached.add(p.getFileName());
            }
        }
        assertThat(attached).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".xml"));

        // A new location with 205 tubes of a lot expiring in three days: a sale of 10 takes them below 200 (their
        // critical level); the daily check warns about the lot once that day however often it runs.
        String code = "NT" + ThreadLocalRandom.current().nextInt(10_000);
        long location = io.cuadra.it.support.TestLocations.open(admin, code, ThreadLocalRandom.current().nextInt(1_000),
                "0011", 'U', 'V');
        long warehouse = admin.get("api/inventory/warehouses?locationId=" + location).jsonStructure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        long tubes = admin.get("api/catalog/items?search=INS-TUB").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        String lot = "EXP-" + code;
        Reply receipt = admin.post("api/purchasing/receipts", "{\"warehouseId\":" + warehouse + ",\"lines\":[{"
                + "\"itemId\":" + tubes + ",\"lotCode\":\"" + lot + "\",\"expiresOn\":\""
                + LocalDate.now(java.time.ZoneId.of("America/Lima")).plusDays(3) + "\",\"quantity\":205,"
                + "\"unitCost\":0.45}]}");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        for (int quantity : new int[]{10, 1}) {
            Reply sale = admin.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[{\"itemCode\":"
                    + "\"INS-TUB\",\"quantity\":" + quantity + "}],\"payments\":[{\"methodCode\":\"EFECTIVO\","
                    + "\"amount\":\"1000.00\"}]}");
            assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        }
        JsonObject stock = awaitAlert(admin, "STOCK_CRITICAL", code);
        assertThat(stock.getJsonObject("variables").getString("available")).isEqualTo("195");
        assertThat(stock.getJsonObject("variables").getString("criticalLevel")).isEqualTo("200");

        Reply check = admin.post("api/notifications/lot-expiry/check", "");
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().getInt("lotsWarned")).isPositive();
        JsonObject expiring = awaitAlert(admin, "LOT_EXPIRING", code);
        assertThat(expiring.getJsonObject("variables").getString("lotCode")).isEqualTo(lot);
        assertThat(expiring.getJsonObject("variables").getString("onHand")).isEqualTo("194");
        assertThat(admin.post("api/notifications/lot-expiry/check", "").status()).isEqualTo(200);
        assertThat(count("select count(*) from notification_messages where event = 'STOCK_CRITICAL' and location_id = "
                + location)).as("one crossing, one warning per supervisor and channel (the second sale was below already)")
                .isEqualTo(count("select count(*) from notification_messages where event = 'LOT_EXPIRING'"
                        + " and location_id = " + location));
        assertThat(count("select count(*) from notification_messages where event = 'LOT_EXPIRING' and location_id = "
                + location + " and channel = 'ALERT' and recipient_user_id = (select id from users where email = '"
                + DemoUsers.ADMIN.email + "')")).as("once per lot and day").isEqualTo(1);

        // A password reset goes through the notifications: sent, its token never shown and emptied once it went.
        Reply forgot = http.post("api/auth/password/forgot", "{\"email\":\"" + DemoUsers.SUPERVISOR.email + "\"}");
        assertThat(forgot.status()).isEqualTo(202);
        MimeMessage reset = awaitMail(DemoUsers.SUPERVISOR.email, m -> m.getSubject().startsWith("Cuadra"));
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(reset)).contains("Reset token: ");
        long resetId = count("select max(id) from notification_messages where event = 'PASSWORD_RESET' and recipient = '"
                + DemoUsers.SUPERVISOR.email + "'");
        await(() -> {
            try {
                return single("select status || ' ' || variables from notification_messages where id = " + resetId)
                        .equals("SENT {}") ? Boolean.TRUE : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the reset message sent and its token emptied");
        assertThat(admin.post("api/notifications/" + resetId + "/resend", "").status())
                .as("a single-use secret is not sent again").isEqualTo(409);
    }

    @Test
    void quietHoursHoldAMessageUntilTheyEndAndTheRecipientLimitDelaysTheRest() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = Long.parseLong(single("select l.id from locations l join tenants t on t.id = l.tenant_id"
                + " where t.slug = 'demo' and l.code = 'LIM01'"));
        java.time.ZoneId lima = java.time.ZoneId.of("America/Lima");
        java.time.LocalTime now = java.time.LocalTime.now(lima).withNano(0);
        org.junit.jupiter.api.Assumptions.assumeTrue(now.isAfter(java.time.LocalTime.of(0, 2))
                && now.isBefore(java.time.LocalTime.of(23, 58)), "not across Lima's midnight");
        java.time.LocalTime end = now.plusSeconds(20);
        try {
            Reply quiet = admin.put("api/notifications/delivery-rules", "{\"quietHours\":[{\"locationId\":" + lim01
                    + ",\"from\":\"" + now.minusMinutes(1) + "\",\"until\":\"" + end + "\"}]}");
            assertThat(quiet.status()).as(quiet.toString()).isEqualTo(200);
            assertThat(admin.put("api/notifications/delivery-rules", "{\"quietHours\":[{\"locationId\":" + lim01
                    + ",\"from\":\"25:99\",\"until\":\"07:00\"}]}").status()).isIn(400, 422);
            // An order placed by WhatsApp: its confirmation is queued at once, and held.
            String email = "silencio" + unique() + "@example.pe";
            long orderId = remoteOrder(admin, lim01, customer(admin, email, mobile(), "EMAIL", "es"));
            JsonObject held = await(() -> history(admin, orderId).stream().filter(m -> m.getString("reason", "")
                    .contains("quiet hours at LIM01")).findFirst().orElse(null), "the confirmation held by quiet hours");
            assertThat(held.getString("status")).isEqualTo("QUEUED");
            assertThat(held.getInt("attempts")).as("waiting spends no attempt").isZero();
            JsonObject sent = awaitEvent(admin, orderId, "ORDER_CONFIRMATION", "SENT");
            assertThat(java.time.Instant.parse(sent.getString("sentAt"))).as("sent once the quiet hours ended")
                    .isAfterOrEqualTo(java.time.LocalDate.now(lima).atTime(end).atZone(lima).toInstant());
            assertThat(mailsTo(email)).hasSize(1);
        } finally {
            admin.put("api/notifications/delivery-rules", "{\"quietHours\":[{\"locationId\":" + lim01 + "}]}");
        }
        try {
            assertThat(admin.put("api/notifications/delivery-rules", "{\"recipientPerHour\":1}").status()).isEqualTo(200);
            String email = "limite" + unique() + "@example.pe";
            long customer = customer(admin, email, mobile(), "EMAIL", "es");
            long first = remoteOrder(admin, lim01, customer);
            awaitEvent(admin, first, "ORDER_CONFIRMATION", "SENT");
            long second = remoteOrder(admin, lim01, customer);
            JsonObject delayed = await(() -> history(admin, second).stream().filter(m -> m.getString("reason", "")
                    .contains("messages an hour")).findFirst().orElse(null), "the second confirmation delayed by the limit");
            assertThat(delayed.getString("status")).as("delayed, not suppressed").isEqualTo("QUEUED");
            long id = delayed.getJsonNumber("id").longValue();
            assertThat(single("select status || ' ' || (next_attempt_at > now() + interval '50 minutes') from outbox_messages"
                    + " where topic = 'notifications.send' and aggregate_id = " + id))
                    .as("still in the outbox, due when the hour's first leaves the window").isEqualTo("PENDING true");
            assertThat(mailsTo(email)).hasSize(1);
        } finally {
            admin.put("api/notifications/delivery-rules", "{}");
        }
    }

    /** An unpaid order placed by WhatsApp for the customer: it confirms the order to them at once. */
    private static long remoteOrder(Http client, long location, long customer) {
        Reply r = client.post("api/orders", "{\"locationId\":" + location + ",\"customerId\":" + customer
                + ",\"channel\":\"WHATSAPP\",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonObject awaitEvent(Http client, long orderId, String event, String status)
            throws InterruptedException {
        return await(() -> history(client, orderId).stream().filter(m -> m.getString("event").equals(event)
                && m.getString("status").equals(status)).findFirst().orElse(null), event + " " + status + " of " + orderId);
    }

    private static JsonObject awaitAlert(Http client, String event, String locationCode) throws InterruptedException {
        return await(() -> client.get("api/notifications/alerts").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("event").equals(event)
                        && locationCode.equals(a.getJsonObject("variables").getString("locationCode", "")))
                .findFirst().orElse(null), event + " alert at " + locationCode);
    }

    // ------------------------------------------------------------------ helpers

    private static long customer(Http client, String email, String phone, String channel, String language) {
        String ruc = ruc("20" + (70_000_000 + ThreadLocalRandom.current().nextInt(29_999_999)));
        Reply r = client.post("api/customers", "{\"documentType\":\"6\",\"documentNumber\":\"" + ruc
                + "\",\"businessName\":\"Cliente Notificado " + unique() + " S.A.C.\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + ",\"phone\":\"" + phone
                + "\",\"preferredChannel\":\"" + channel + "\",\"preferredLanguage\":\"" + language + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonObject paidOrder(Http client, long customer) throws Exception {
        long location = Long.parseLong(single("select l.id from locations l join tenants t on t.id = l.tenant_id"
                + " where t.slug = 'demo' and l.code = 'LIM01'"));
        Reply r = client.post("api/orders", "{\"locationId\":" + location + ",\"customerId\":" + customer
                + ",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}],\"payments\":[{\"methodCode\":\"EFECTIVO\","
                + "\"amount\":\"1000.00\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static List<JsonObject> awaitHistory(Http client, long orderId, int size, Predicate<JsonObject> settled)
            throws InterruptedException {
        return await(() -> {
            List<JsonObject> items = client.get("api/notifications?orderId=" + orderId).json().getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            return items.size() == size && items.stream().allMatch(settled) ? items : null;
        }, size + " settled notifications of order " + orderId);
    }

    private static Received awaitReceived(Predicate<Received> which) throws InterruptedException {
        return await(() -> TestMessaging.simulator().received().stream().filter(which).findFirst().orElse(null),
                "a message at the stand-ins");
    }

    private static MimeMessage awaitMail(String to) throws InterruptedException {
        return awaitMail(to, m -> true);
    }

    private static MimeMessage awaitMail(String to, MailCheck check) throws InterruptedException {
        return await(() -> mailsTo(to).stream().filter(m -> {
            try {
                return check.test(m);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null), "a mail to " + to);
    }

    private interface MailCheck {
        boolean test(MimeMessage m) throws Exception;
    }

    private static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static void awaitJob(Http client, long executionId) throws InterruptedException {
        await(() -> {
            JsonObject job = client.get("api/reconciliation/jobs/" + executionId).json();
            boolean stepsDone = job.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                    .noneMatch(s -> List.of("STARTING", "STARTED").contains(s.getString("batchStatus", "")));
            return List.of("COMPLETED", "FAILED", "STOPPED").contains(job.getString("batchStatus")) && stepsDone
                    ? job : null;
        }, "closure job " + executionId);
    }

    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static List<Part> parts(Multipart m) throws Exception {
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < m.getCount(); i++) {
            BodyPart p = m.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                out.addAll(parts(inner));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static byte[] bytes(Part p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getDataHandler().writeTo(out);
        return out.toByteArray();
    }

    private static String mobile() {
        return "+519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static String unique() {
        return System.currentTimeMillis() % 1_000_000 + "" + SEQ.incrementAndGet();
    }

    /** A valid RUC from its first ten digits (modulo 11 check digit). */
    private static String ruc(String firstTen) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (firstTen.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return firstTen + (check == 10 ? 0 : check == 11 ? 1 : check);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
