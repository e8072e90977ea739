package io.cuadra.it.bench;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import of 100,000 customers through the real job on the deployed EAR: uploads a CSV of valid,
 * distinct customers (people with DNI, companies with RUC, phones, e-mails) to {@code POST /api/imports},
 * follows the job and prints how long it took and the rate. Prints figures; asserts only that every row
 * was written.
 *
 * <p>Not an IT (it takes a while and loads the machine): run it alone, like an IT, from the repository root:
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=CustomerImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.rows=100000] [-Dcuadra.bench.itemCount=500]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class CustomerImportBenchmark extends CuadraDeployment {

    private static final String[] FIRST = {"María", "José", "Luis", "Ana", "Carlos", "Rosa", "Jorge", "Lucía", "Juan",
            "Carmen", "Pedro", "Elena", "Miguel", "Sofía", "Raúl", "Patricia", "Víctor", "Gabriela", "Andrés", "Inés"};
    private static final String[] LAST = {"González", "Quispe", "Mamani", "Huamán", "Flores", "Rodríguez", "Sánchez",
            "García", "Rojas", "Díaz", "Torres", "Chávez", "Ramírez", "Vásquez", "Castillo", "Condori", "Ñahui"};
    private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    @Test
    void importsOneHundredThousandCustomers() throws Exception {
        int rows = Integer.getInteger("cuadra.bench.rows", 100_000);
        int itemCount = Integer.getInteger("cuadra.bench.itemCount", 500);
        byte[] csv = customers(rows);
        Http admin = DemoUsers.ADMIN.signIn(http());

        String loadBefore = loadAverage();
        Duration payaraBefore = payaraCpu();
        Duration cpuBefore = payaraBefore.plus(databaseCpu());
        long t0 = System.nanoTime();
        Reply upload = admin.post("api/imports?kind=customers&fileName=bench.csv&itemCount=" + itemCount, csv,
                "Content-Type", "text/csv");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        long id = upload.json().getJsonNumber("id").longValue();
        JsonObject done;
        java.util.DoubleSummaryStatistics loadDuring = new java.util.DoubleSummaryStatistics();
        while (true) {
            done = admin.get("api/imports/" + id).json();
            String status = done.getString("status");
            if (!status.startsWith("START") && !status.equals("NOT_STARTED")) {
                break;
            }
            Thread.sleep(2000); // the job's own start and end times give its rate: polling often only loads the server
            loadDuring.accept(Double.parseDouble(loadAverage().split(" ")[0]));
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        double payaraSeconds = payaraCpu().minus(payaraBefore).toMillis() / 1e3;
        double cpuSeconds = serverCpu().minus(cpuBefore).toMillis() / 1e3;
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getInt("written")).isEqualTo(rows);
        double jobSeconds = Duration.between(OffsetDateTime.parse(done.getString("startedAt")),
                OffsetDateTime.parse(done.getString("endedAt"))).toMillis() / 1e3;
        System.out.printf("%n[bench] customer import: %,d rows (%.1f MB CSV), %d rows per chunk%n", rows,
                csv.length / 1e6, itemCount);
        System.out.printf("[bench]   upload (stored, header checked, rows counted): %.1f s%n", uploadSeconds);
        System.out.printf("[bench]   job, first start to end: %.1f s = %,.0f rows/s%n", jobSeconds, rows / jobSeconds);
        System.out.printf("[bench]   upload to completion (wall, polling every 2 s): %.1f s = %,.0f rows/s%n",
                wallSeconds, rows / wallSeconds);
        // Not divided by the cores into a rate: the chunks run one after another on one thread, so spare cores
        // would not make the job that much faster; the CPU is what the import cost whatever the machine's load.
        System.out.printf("[bench]   CPU used by Payara and PostgreSQL, upload to completion: %.1f s = %.2f ms per row%n",
                cpuSeconds, cpuSeconds * 1e3 / rows);
        System.out.printf("[bench]     of which Payara %.1f s = %.2f ms per row, PostgreSQL %.1f s = %.2f ms per row%n",
                payaraSeconds, payaraSeconds * 1e3 / rows, cpuSeconds - payaraSeconds,
                (cpuSeconds - payaraSeconds) * 1e3 / rows);
        System.out.printf("[bench]   machine load average (1/5/15 min) before: %s, after: %s (%d cores); "
                        + "1-min average during the job %.1f-%.1f%n%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors(), loadDuring.getMin(), loadDuring.getMax());
    }

    /**
     * CPU time so far of the test domain's server and of the embedded test database (its postmaster and backends):
     * on a machine shared with other work, the wall time says how busy the machine was as much as how
     * costly the import is; the CPU it took does not.
     */
    static Duration serverCpu() {
        return payaraCpu().plus(databaseCpu());
    }

    static Duration payaraCpu() {
        return cpuOf(c -> c.contains("domains/" + TestEnvironment.DOMAIN) && c.contains(System.getProperty("payara.home")));
    }

    /** This run's database only (by its port): other builds on the machine run theirs from a target/it-pgdata too. */
    private static Duration databaseCpu() {
        String port = "-p " + Integer.getInteger("cuadra.it.db.port", 25432) + " ";
        return cpuOf(c -> c.contains("bin/postgres") && c.contains(System.getProperty("cuadra.it.work", "target")
                + "/it-pgdata") && c.contains(port));
    }

    private static Duration cpuOf(java.util.function.Predicate<String> commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(commandLine::test).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The figures depend on what else the machine runs: print its load with them. */
    static String loadAverage() throws java.io.IOException {
        java.nio.file.Path proc = java.nio.file.Path.of("/proc/loadavg");
        return java.nio.file.Files.exists(proc)
                ? String.join(" ", java.util.Arrays.copyOf(java.nio.file.Files.readString(proc).split(" "), 3)) : "n/a";
    }

    /** Distinct valid customers: 4 in 5 people with a DNI, 1 in 5 companies with a RUC (check digit computed). */
    private static byte[] customers(int rows) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(rows * 120);
        csv.append("documentType,documentNumber,firstName,lastName,businessName,email,phone,district,city\n");
        for (int i = 0; i < rows; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String phone = "9" + (10_000_000 + random.nextInt(89_999_999));
            if (i % 5 == 4) {
                String ruc = ruc("20" + (60_000_000 + i));
                csv.append("6,").append(ruc).append(",,,Comercial ").append(last).append(" S.A.C.,ventas")
                        .append(i).append("@empresa.example.pe,").append(phone).append(",San Isidro,Lima\n");
            } else {
                csv.append("1,").append(70_000_000 + i).append(',').append(first).append(',').append(last)
                        .append(",,cliente").append(i).append("@example.pe,").append(phone).append(",Miraflores,Lima\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String ruc(String firstTen) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (firstTen.charAt(i) - '0') * RUC_WEIGHTS[i];
        }
        int digit = 11 - sum % 11;
        return firstTen + (digit == 10 ? 0 : digit == 11 ? 1 : digit);
    }
}
