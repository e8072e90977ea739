package io.cuadra.billing.bench;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.TestKeystores;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentKind;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.infrastructure.signature.SignedDocument;
import io.cuadra.billing.infrastructure.signature.SigningCredentialsCache;
import io.cuadra.billing.infrastructure.signature.XmlDocumentSigner;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import io.cuadra.shared.identitydocuments.DocumentType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Builds and signs N facturas of 5 lines (snapshot with its checks, UBL DOM, XMLDSig, serialisation) on
 * one thread after a warm-up, and prints CPU time (ThreadMXBean) and wall time per invoice. Prints
 * figures only; the target is under 20 ms of CPU per invoice.
 *
 * <p>Arguments: [invoices, default 2000] [warm-up invoices, default 500]. Run: {@code ./mvnw -B -q -pl ejb-module -am
 * package -DskipTests -Dunit.bench=io.cuadra.billing.bench.SigningBenchmark [-Dunit.bench.args="2000 500"]}.
 */
public final class SigningBenchmark {

    private SigningBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure thread CPU time.");
        }
        threads.setThreadCpuTimeEnabled(true);

        Path directory = Files.createTempDirectory("cuadra-bench");
        try {
            TestKeystores.Keystore keystore = TestKeystores.generate(directory, "bench.p12");
            XmlDocumentSigner signer = new XmlDocumentSigner(new SigningCredentialsCache()
                    .get(keystore.path(), keystore.password(), keystore.alias()));
            SunatUblWriter writer = new SunatUblWriter();

            long checksum = 0;
            for (int i = 1; i <= warmUp; i++) {
                checksum += buildAndSign(i, writer, signer).hash().length();
            }
            long[] cpu = new long[invoices];
            long[] wall = new long[invoices];
            long runStart = System.nanoTime();
            for (int i = 0; i < invoices; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                checksum += buildAndSign(warmUp + 1 + i, writer, signer).hash().length();
                wall[i] = System.nanoTime() - wallStart;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            long runNanos = System.nanoTime() - runStart;

            System.out.printf(Locale.ROOT, "Build + sign of a 5-line factura, %d invoices after %d warm-up (Java %s, %d cores)%n",
                    invoices, warmUp, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            print("CPU ", cpu);
            print("wall", wall);
            System.out.printf(Locale.ROOT, "throughput on one thread: %.0f invoices/s (checksum %d)%n",
                    invoices / (runNanos / 1e9), checksum);
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static SignedDocument buildAndSign(int number, SunatUblWriter writer, XmlDocumentSigner signer) {
        ElectronicDocument.Builder builder = ElectronicDocument.builder()
                .kind(DocumentKind.FACTURA)
                .number(DocumentNumber.of("F001", number))
                .issuedAt(SampleDocuments.ISSUE_DATE, LocalTime.of(10, 0).plusSeconds(number % 3600))
                .currency(SampleDocuments.PEN)
                .issuer(SampleDocuments.issuer())
                .customer(new Customer(DocumentType.RUC, SampleDocuments.CUSTOMER_RUC, "NEGOCIOS ANDINOS S.A.", null))
                .paymentTerms(PaymentTerms.cash());
        for (int line = 1; line <= 4; line++) {
            builder.line(DocumentLine.taxed("P" + line, "Producto " + line, "NIU", BigDecimal.valueOf(line),
                    new BigDecimal("12.90").add(BigDecimal.valueOf(number % 100, 2)), SampleDocuments.IGV,
                    SampleDocuments.PEN));
        }
        builder.line(DocumentLine.untaxed("L1", "Libro", "NIU", BigDecimal.ONE, new BigDecimal("39.90"),
                IgvAffectation.EXONERATED, SampleDocuments.PEN));
        return signer.sign(writer.write(builder.build()));
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "%s per invoice: p50 %.3f ms, p95 %.3f ms, mean %.3f ms, max %.3f ms%n", label,
                millis(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]),
                millis(sorted[(int) Math.floor(0.95 * (sorted.length - 1))]), mean / 1e6,
                millis(sorted[sorted.length - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
