package io.cuadra.it.reconciliation;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against the deployed EAR: the daily closure job over a seeded day (each kind of
 * discrepancy, restart after an injected failure, idempotent re-run, closed days), the cash count,
 * bank statement import and matching, tenant and location isolation, and the closure page in a browser.
 */
@ExtendWith(ArquillianExtension.class)
class ReconciliationIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String BCP_HEADER = "Fecha,Fecha valuta,Descripción operación,Monto,Saldo,Sucursal,"
            + "Operación-Número,Ordenante\n";

    private final Http http = http();

    @Test
    void reimportingAStatementOrAnOverlappingPeriodNeverAddsAMovementTwice() throws Exception {
        Http supervisor = DemoUsers.SUPERVISOR.signIn(http);
        long bcp = profileId(supervisor, "BCP");
        String account = "191-" + (1_000_000 + SEQ.incrementAndGet());
        String week1 = BCP_HEADER
                + "02/11/2026,02/11/2026,TRANSF DE JUAN PEREZ,150.00,1150.00,193,000111,JUAN PEREZ\n"
                + "02/11/2026,02/11/2026,YAPE ROSA MAMANI,\"1,250.50\",2400.50,193,000112,ROSA MAMANI\n"
                // Two identical deposits on the same day are two movements, not one.
                + "03/11/2026,03/11/2026,DEPOSITO EFECTIVO,50.00,2450.50,193,,\n"
                + "03/11/2026,03/11/2026,DEPOSITO EFECTIVO,50.00,2500.50,193,,\n"
                + "04/11/2026,04/11/2026,COMISION MANTENIMIENTO,-12.00,2488.50,193,000113,\n"
                + "31/11/2026,31/11/2026,FECHA IMPOSIBLE,10.00,2498.50,193,000114,\n"
                + "05/11/2026,05/11/2026,MONTO RARO,abc,2498.50,193,000115,\n";
        JsonObject first = importStatement(supervisor, bcp, account, "bcp-semana1.csv", week1);
        assertThat(first.getString("status")).isEqualTo("IMPORTED");
        assertThat(first.getInt("transactionCount")).isEqualTo(5);
        assertThat(first.getInt("newCount")).isEqualTo(5);
        assertThat(first.getInt("duplicateCount")).isZero();
        assertThat(first.getInt("rejectedCount")).isEqualTo(2);
        assertThat(first.getString("periodFrom")).isEqualTo("2026-11-02");
        assertThat(first.getString("periodTo")).isEqualTo("2026-11-04");
        JsonArray rejections = (JsonArray) supervisor.get("api/reconciliation/bank-statements/"
                + first.getJsonNumber("id").longValue() + "/rejections").jsonStructure();
        assertThat(rejections.getValuesAs(JsonObject.class)).extracting(r -> r.getInt("rowNumber"), r -> r.getString("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "BAD_DATE"),
                        org.assertj.core.groups.Tuple.tuple(8, "BAD_AMOUNT"));
        assertThat(rejections.getJsonObject(0).getString("message")).contains("31/11/2026");

        JsonObject again = importStatement(supervisor, bcp, account, "bcp-semana1-otra-vez.csv", week1);
        assertThat(again.getInt("newCount")).as("the same file again adds nothing").isZero();
        assertThat(again.getInt("duplicateCount")).isEqualTo(5);

        // The second export overlaps the first on 03-04/11 and adds two movements.
        String weeks1and2 = BCP_HEADER
                + "03/11/2026,03/11/2026,DEPOSITO EFECTIVO,50.00,2450.50,193,,\n"
                + "03/11/2026,03/11/2026,DEPOSITO EFECTIVO,50.00,2500.50,193,,\n"
                + "04/11/2026,04/11/2026,COMISION MANTENIMIENTO,-12.00,2488.50,193,000113,\n"
                + "09/11/2026,09/11/2026,TRANSF DE CLINICA SAN GABRIEL,980.00,3468.50,193,000120,CLINICA SAN GABRIEL SAC\n"
                + "10/11/2026,10/11/2026,DEPOSITO EFECTIVO,50.00,3518.50,193,,\n";
        JsonObject overlap = importStatement(supervisor, bcp, account, "bcp-semanas1-2.csv", weeks1and2);
        assertThat(overlap.getInt("newCount")).isEqualTo(2);
        assertThat(overlap.getInt("duplicateCount")).isEqualTo(3);
        assertThat(count("select count(*) from bank_transactions where account_number = '" + account + "'"))
                .isEqualTo(7);

        Reply list = supervisor.get("api/reconciliation/bank-statements/transactions?account=" + account
                + "&from=2026-11-03&to=2026-11-03");
        assertThat(list.json().getInt("total")).isEqualTo(2);

        long statementId = first.getJsonNumber("id").longValue();
        TenantIsolation.assertHiddenFromOtherTenant(supervisor, OtherTenant.signIn(http),
                "api/reconciliation/bank-statements/" + statementId);
        assertThat(((JsonObject) OtherTenant.signIn(http).get("api/reconciliation/bank-statements/transactions?account="
                + account).jsonStructure()).getInt("total")).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static long profileId(Http client, String code) {
        JsonArray profiles = (JsonArray) client.get("api/reconciliation/bank-statements/profiles").jsonStructure();
        return profiles.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("code").equals(code))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static JsonObject importStatement(Http client, long profileId, String account, String fileName,
                                              String content) {
        return importStatement(client, profileId, account, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject importStatement(Http client, long profileId, String account, String fileName,
                                              byte[] content) {
        Reply started = client.post("api/reconciliation/bank-statements", "{\"profileId\":" + profileId
                + ",\"accountNumber\":\"" + account + "\",\"fileName\":\"" + fileName + "\",\"content\":\""
                + Base64.getEncoder().encodeToString(content) + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonObject execution = awaitJob(client, started.json().getJsonNumber("executionId").longValue());
        assertThat(execution.getString("batchStatus")).as(execution.toString()).isEqualTo("COMPLETED");
        return client.get("api/reconciliation/bank-statements/" + started.json().getJsonNumber("statementId").longValue())
                .json();
    }

    /** Polls the execution until it has ended; answers its last view. */
    static JsonObject awaitJob(Http client, long executionId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply r = client.get("api/reconciliation/jobs/" + executionId);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String status = r.json().getString("batchStatus");
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status)) {
                return r.json();
            }
            assertThat(System.currentTimeMillis()).as("execution " + executionId + " still " + status)
                    .isLessThan(deadline);
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
