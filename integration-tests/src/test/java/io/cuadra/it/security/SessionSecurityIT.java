package io.cuadra.it.security;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.it.support.OpenApiLint;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions, tokens and headers (README, "Security"): revocation that bites within a second, the API
 * closed to the back office's cookie, cross-site posts refused, security headers on every kind of
 * answer, forgot-password that tells nothing and really mails, X-Forwarded-For that cannot dodge the
 * lockout.
 */
@ExtendWith(ArquillianExtension.class)
class SessionSecurityIT extends CuadraDeployment {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("cuadra.it.mail.port", 28025), null, "smtp"));

    /** The promise: a revoked token stops working within this time on every server. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final Http http = http();

    @Test
    void signingOutEndsThatSessionsAccessTokenAtOnceAndOnlyThatSession() {
        JsonObject first = login(DemoUsers.CASHIER.email, DemoUsers.CASHIER.password);
        JsonObject second = login(DemoUsers.CASHIER.email, DemoUsers.CASHIER.password);
        Http a = http.as(first.getString("accessToken"));
        Http b = http.as(second.getString("accessToken"));
        assertThat(a.get("api/users/me").status()).isEqualTo(200);

        assertThat(http.post("api/auth/logout", "{\"refreshToken\":\"" + first.getString("refreshToken") + "\"}")
                .status()).isEqualTo(204);
        assertRefusedWithin(a);
        Reply revoked = a.get("api/users/me");
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(revoked.json().getString("detail")).contains("revoked");
        assertThat(refresh(first.getString("refreshToken")).status()).isEqualTo(401);
        assertThat(b.get("api/users/me").status()).as("the user's other session goes on").isEqualTo(200);
    }

    @Test
    void deactivationAndNewRolesEndEverySessionOfTheUser() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String email = "revoke-" + UUID.randomUUID().toString().substring(0, 8) + "@cuadra.demo";
        Reply created = admin.post("api/users", "{\"email\":\"" + email + "\",\"firstName\":\"Rita\",\"lastName\":\"Voque\","
                + "\"password\":\"Revocable-Cuadra-2026\",\"roles\":[\"CASHIER\"],\"locationIds\":[" + lim01(admin) + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();

        // New roles: the token says CASHIER, and that is no longer true.
        JsonObject tokens = login(email, "Revocable-Cuadra-2026");
        Http user = http.as(tokens.getString("accessToken"));
        assertThat(user.get("api/users/me").status()).isEqualTo(200);
        Reply changed = updateUser(admin, id, "[\"SUPERVISOR\"]", true);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertRefusedWithin(user);
        assertThat(refresh(tokens.getString("refreshToken")).status()).isEqualTo(401);
        JsonObject again = login(email, "Revocable-Cuadra-2026");
        assertThat(claims(again.getString("accessToken"))).contains("\"groups\":[\"SUPERVISOR\"]");

        // Deactivation: every session of the user ends, and signing in is refused.
        Http current = http.as(again.getString("accessToken"));
        assertThat(current.get("api/users/me").status()).isEqualTo(200);
        assertThat(updateUser(admin, id, "[\"SUPERVISOR\"]", false).status()).isEqualTo(200);
        assertRefusedWithin(current);
        assertThat(refresh(again.getString("refreshToken")).status()).isEqualTo(401);
        assertThat(http.post("api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Revocable-Cuadra-2026\"}")
                .status()).isEqualTo(401);
    }

    /**
     * Another server ending the sessions (no event reaches this one): the token version changes in the
     * database only, and this server refuses the token within a second all the same.
     */
    @Test
    void aRevocationWrittenByAnotherServerBitesWithinASecond() throws Exception {
        JsonObject tokens = login(DemoUsers.WAREHOUSE.email, DemoUsers.WAREHOUSE.password);
        Http user = http.as(tokens.getString("accessToken"));
        assertThat(user.get("api/users/me").status()).isEqualTo(200);
        try (Connection c = TestDatabase.current().connect();
             PreparedStatement s = c.prepareStatement("update users set token_version = token_version + 1 where email = ?")) {
            s.setString(1, DemoUsers.WAREHOUSE.email);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertRefusedWithin(user);
    }

    /**
     * Permissions are read from the matrix on every request, not from the token: a change written by another
     * server (here straight into the database) applies to signed-in users within a second, no sign-in needed.
     */
    @Test
    void aRolePermissionChangeAppliesToSignedInUsersWithinASecond() throws Exception {
        Http warehouse = DemoUsers.WAREHOUSE.signIn(http);
        assertThat(warehouse.get("api/customers").status()).isEqualTo(403);
        String role = "(select r.id from roles r join tenants t on t.id = r.tenant_id where t.slug = 'demo' and r.code = 'WAREHOUSE')";
        try {
            execute("insert into role_permissions (role_id, module, action) select " + role + ", 'CUSTOMERS', 'VIEW'");
            assertWithin(() -> warehouse.get("api/customers").status() == 200, "the new permission applies");
        } finally {
            execute("delete from role_permissions where role_id = " + role + " and module = 'CUSTOMERS' and action = 'VIEW'");
        }
        assertWithin(() -> warehouse.get("api/customers").status() == 403, "the permission withdrawn applies");
    }

    @Test
    void theApiRefusesTheBackOfficeSessionCookie() throws Exception {
        String session = backOfficeSession();
        String cookie = "JSESSIONID=" + session;
        // The cookie alone opens the back office...
        Reply page = http.get("settings/users.xhtml", "Cookie", cookie);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("cajero@cuadra.demo");
        // ...and no API call, read or write: a cross-site form or fetch carries only the cookie.
        Reply read = http.get("api/users/me", "Cookie", cookie);
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.contentType()).startsWith("application/problem+json");
        long before = countRows("select count(*) from reconciliation_job_runs");
        Reply matching = http.post("api/reconciliation/bank-statements/matching", "", "Cookie", cookie,
                "Origin", "https://evil.example");
        assertThat(matching.status()).isEqualTo(401);
        assertThat(http.post("api/users/1/password-reset", "", "Cookie", cookie).status()).isEqualTo(401);
        assertThat(countRows("select count(*) from reconciliation_job_runs")).as("no job started").isEqualTo(before);
    }

    @Test
    void crossSitePostsToTheBackOfficeAreRefusedAndTheCookieIsLaxAndHttpOnly() throws Exception {
        Reply loginPage = http.get("login.xhtml");
        String setCookie = loginPage.headers().getOrDefault("set-cookie", List.of()).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");

        String cookie = "JSESSIONID=" + backOfficeSession();
        String form = "users=users&jakarta.faces.ViewState=stale";
        Reply evil = post("settings/users.xhtml", form, "Cookie", cookie, "Origin", "https://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        Reply evilReferer = post("forgot-password.xhtml", "x=1", "Referer", "https://evil.example/page");
        assertThat(evilReferer.status()).isEqualTo(403);
        Reply nullOrigin = post("settings/users.xhtml", form, "Cookie", cookie, "Origin", "null");
        assertThat(nullOrigin.status()).as("a sandboxed frame's origin").isEqualTo(403);
        Reply own = post("settings/users.xhtml", form, "Cookie", cookie,
                "Origin", TestEnvironment.baseUrl().replaceAll("/$", ""));
        assertThat(own.status()).as("the back office's own form posts are not refused").isNotEqualTo(403);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        Reply page = http.get("login.xhtml");
        assertSecurityHeaders(page);
        List<String> pagePolicies = page.headers().getOrDefault("content-security-policy", List.of());
        assertThat(pagePolicies).as("one policy, not two the browser would both enforce").hasSize(1);
        String scriptSrc = Arrays.stream(pagePolicies.get(0).split(";")).map(String::strip)
                .filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
        assertThat(scriptSrc).contains("'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(scriptSrc);
        assertThat(nonce.find()).isTrue();
        assertThat(page.body()).contains("nonce=\"" + nonce.group(1) + "\"");
        assertThat(pagePolicies.get(0)).contains("frame-ancestors 'none'");

        Reply api = http.get("api/users");
        assertThat(api.status()).isEqualTo(401);
        assertSecurityHeaders(api);
        assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'");
        Reply ok = DemoUsers.CASHIER.signIn(http).get("api/users/me");
        assertSecurityHeaders(ok);
        Reply missing = http.get("api/no-such-thing");
        assertSecurityHeaders(missing);
        Reply toLogin = http.get("no-such-page.xhtml");
        assertThat(toLogin.status()).isEqualTo(302);
        assertSecurityHeaders(toLogin);
        Reply errorPage = http.get("error/404.xhtml");
        assertSecurityHeaders(errorPage);
        assertThat(errorPage.headers().getOrDefault("content-security-policy", List.of())).hasSize(1);
        assertThat(DemoUsers.CASHIER.signIn(http).get("api/application.wadl").status()).as("no WADL").isEqualTo(404);

        OpenApiLint.served(http, "openapi"); // built in the background after a deployment: awaited once
        for (String accept : List.of("text/html", "application/xml", "*/*", "text/html,application/xhtml+xml;q=0.9")) {
            Reply doc = http.get("openapi", "Accept", accept);
            assertThat(doc.status()).as(accept).isEqualTo(200);
            assertThat(doc.contentType()).as(accept).startsWith("application/yaml");
            assertThat(doc.body()).contains("openapi: 3");
            assertSecurityHeaders(doc);
        }
        assertThat(http.get("openapi", "Accept", "application/json").contentType()).startsWith("application/json");
    }

    /** Payara's HTTPS listener (port base + 81, its self-signed certificate): HSTS, and a session cookie marked Secure. */
    @Test
    void overHttpsTheAnswersAddHstsAndTheCookieIsSecure() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        HttpsURLConnection page = (HttpsURLConnection) URI.create(
                "https://localhost:" + (TestEnvironment.portBase() + 81) + "/login.xhtml").toURL().openConnection();
        page.setSSLSocketFactory(trustAll.getSocketFactory());
        page.setHostnameVerifier((host, session) -> true);
        assertThat(page.getResponseCode()).isEqualTo(200);
        assertThat(page.getHeaderField("Strict-Transport-Security")).startsWith("max-age=");
        List<String> cookies = page.getHeaderFields().entrySet().stream()
                .filter(e -> "Set-Cookie".equalsIgnoreCase(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
        assertThat(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow())
                .containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        page.disconnect();
        assertThat(http.get("login.xhtml").header("Strict-Transport-Security")).as("not over plain HTTP").isNull();
    }

    /** ops lane: the HTTPS listener speaks TLS 1.2 (and 1.3) and refuses a client offering TLS 1.1 only. */
    @Test
    void theHttpsListenerRefusesTls11() throws Exception {
        int port = TestEnvironment.portBase() + 81;
        io.cuadra.it.support.TlsHandshake.Answer tls11 = io.cuadra.it.support.TlsHandshake.offer("localhost", port, 2);
        io.cuadra.it.support.TlsHandshake.Answer tls12 = io.cuadra.it.support.TlsHandshake.offer("localhost", port, 3);
        System.out.printf("[security] TLS 1.1 offered: %s; TLS 1.2 offered: %s%n", tls11.description(), tls12.description());
        assertThat(tls11.serverHello()).as("TLS 1.1").isFalse();
        assertThat(tls12.serverHello()).as("TLS 1.2").isTrue();
        assertThat(tls12.version()).isEqualTo(0x0303);
    }

    @Test
    void forgotPasswordAnswersAlikeForEveryEmailAndMailsAWorkingSingleUseLink() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String email = "forgot-" + UUID.randomUUID().toString().substring(0, 8) + "@cuadra.demo";
        assertThat(admin.post("api/users", "{\"email\":\"" + email + "\",\"firstName\":\"Olga\",\"lastName\":\"Vido\","
                + "\"password\":\"Original-Cuadra-2026\",\"roles\":[\"CASHIER\"]}").status()).isEqualTo(201);
        Http signedIn = DemoUsers.signIn(http, email, "Original-Cuadra-2026");

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        Reply knownReply = null;
        Reply unknownReply = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            knownReply = http.post("api/auth/password/forgot", "{\"email\":\"" + email + "\"}");
            known.add((System.nanoTime() - t0) / 1_000);
            t0 = System.nanoTime();
            unknownReply = http.post("api/auth/password/forgot", "{\"email\":\"nobody-" + i + "@cuadra.demo\"}");
            unknown.add((System.nanoTime() - t0) / 1_000);
        }
        assertThat(knownReply.status()).isEqualTo(202);
        assertThat(unknownReply.status()).isEqualTo(knownReply.status());
        assertThat(unknownReply.body()).isEqualTo(knownReply.body());
        assertThat(headerNames(unknownReply)).isEqualTo(headerNames(knownReply));
        System.out.printf("[security] forgot-password median: existing e-mail %.1f ms, unknown %.1f ms (5 each)%n",
                median(known) / 1000.0, median(unknown) / 1000.0);

        // Five requests, five mails, sent by the outbox worker after commit; the last link is the one to use.
        assertThat(MAIL.waitForIncomingEmail(60_000, 5)).as("the reset mails reach the SMTP server").isTrue();
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(Arrays.stream(mails).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet())).containsExactly(email);
        String body = text(mails[mails.length - 1]);
        Matcher link = Pattern.compile("(http[^\\s\"<]+reset-password\\.xhtml\\?token=([^\\s\"<&]+))").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).startsWith(TestEnvironment.baseUrl());
        String token = link.group(2);
        Reply resetPage = http.get(link.group(1).substring(TestEnvironment.baseUrl().length()));
        assertThat(resetPage.status()).isEqualTo(200);
        assertThat(countRows("select count(*) from outgoing_mail where recipient = '" + email + "'"))
                .as("a sent mail's body (the link) is not kept").isZero();

        Reply reset = http.post("api/auth/password/reset", "{\"token\":\"" + token + "\",\"newPassword\":\"Renewed-Cuadra-2026\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertRefusedWithin(signedIn);
        assertThat(http.post("api/auth/password/reset", "{\"token\":\"" + token + "\",\"newPassword\":\"Another-Cuadra-2026\"}")
                .status()).as("single use").isEqualTo(422);
        assertThat(DemoUsers.signIn(http, email, "Renewed-Cuadra-2026").get("api/users/me").status()).isEqualTo(200);
    }

    @Test
    void aForgedXForwardedForNeitherDodgesTheLockoutNorLandsInTheRecords() throws Exception {
        String email = "spoofed-" + UUID.randomUUID().toString().substring(0, 8) + "@cuadra.demo";
        Reply last = null;
        for (int i = 1; i <= 5; i++) {
            last = http.post("api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-" + i + "\"}",
                    "X-Forwarded-For", "203.0.113." + i);
        }
        assertThat(last.status()).as("locked after five failures whatever the header said").isEqualTo(429);
        Set<String> addresses = new HashSet<>();
        try (Connection c = TestDatabase.current().connect();
             PreparedStatement q = c.prepareStatement("select ip from login_failures where email = ?")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    addresses.add(rs.getString(1));
                }
            }
        }
        assertThat(addresses).hasSize(1).noneMatch(a -> a.startsWith("203.0.113."));
    }

    private JsonObject login(String email, String password) {
        Reply r = http.post("api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Reply refresh(String token) {
        return http.post("api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    /** Polls for the promised time; the first 401 ends it. */
    private static void assertRefusedWithin(Http client) {
        assertWithin(() -> client.get("api/users/me").status() == 401, "the token is refused");
    }

    private static void assertWithin(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        boolean held;
        do {
            held = condition.get();
        } while (!held && System.nanoTime() < deadline);
        assertThat(held).as(what + " within " + WITHIN.toMillis() + " ms").isTrue();
    }

    private static Reply updateUser(Http admin, long id, String roles, boolean active) {
        Reply read = admin.get("api/users/" + id);
        JsonArray locations = read.json().getJsonArray("locationIds");
        return admin.put("api/users/" + id, "{\"firstName\":\"Rita\",\"lastName\":\"Voque\",\"active\":" + active
                + ",\"roles\":" + roles + ",\"locationIds\":" + locations + "}", "If-Match", read.header("ETag"));
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String claims(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static long lim01(Http admin) {
        return admin.get("api/locations").jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("code").equals("LIM01")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /** Signs the administrator in through the login page in a real browser; returns the session cookie. */
    private static String backOfficeSession() throws Exception {
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(cookie).isNotNull();
            return cookie.getValue();
        }
    }

    private Reply post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().map(), r.body());
    }

    private static void assertSecurityHeaders(Reply r) {
        assertThat(r.header("X-Content-Type-Options")).as(r.toString()).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as(r.toString()).isEqualTo("same-origin");
        assertThat(r.header("X-Frame-Options")).as(r.toString()).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).as(r.toString()).contains("frame-ancestors 'none'");
    }

    private static Set<String> headerNames(Reply r) {
        return r.headers().keySet().stream().map(String::toLowerCase).filter(h -> !h.equals("date"))
                .collect(Collectors.toSet());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long countRows(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A mail's text: the body, or every text part of a multipart one (the notifications send HTML + text). */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return String.valueOf(content);
    }
}
