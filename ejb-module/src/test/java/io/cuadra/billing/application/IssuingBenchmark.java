package io.cuadra.billing.application;

import io.cuadra.billing.TestKeystores;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.DocumentKind;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.infrastructure.signature.SignedDocument;
import io.cuadra.billing.infrastructure.signature.SigningCredentialsCache;
import io.cuadra.billing.infrastructure.signature.XmlDocumentSigner;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.orders.events.OrderSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * CPU per issued invoice on the issuing path, minus the database: the paid order's snapshot turned into
 * SUNAT lines, the checked document, UBL 2.1, XMLDSig signature and the stored entity with its lines.
 * ThreadMXBean CPU time of the issuing thread, after a warm-up. Prints figures; the target is under 20 ms.
 *
 * <p>Run: {@code ./mvnw -B -q -pl ejb-module -am package -DskipTests
 * -Dunit.bench=io.cuadra.billing.application.IssuingBenchmark [-Dunit.bench.args="invoices warm-up"]}.
 */
public final class IssuingBenchmark {

    private static final Currency PEN = Currency.getInstance("PEN");
    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    private IssuingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.setThreadCpuTimeEnabled(true);
        Path dir = Files.createTempDirectory("cuadra-issue-bench");
        try {
            TestKeystores.Keystore keystore = TestKeystores.generate(dir, "bench.p12");
            XmlDocumentSigner signer = new XmlDocumentSigner(new SigningCredentialsCache()
                    .get(keystore.path(), keystore.password(), keystore.alias()));
            Issuer issuer = new Issuer("20601030013", "Laboratorios Cuadra Demo S.A.C.", "Cuadra Lab", "0000",
                    FiscalAddress.peru("150131", "Av. Javier Prado Este 1234", "San Isidro", "Lima", "Lima"));
            Customer customer = new Customer(DocumentType.RUC, "20100070970", "SUPERMERCADOS PERUANOS S.A.", null);
            long checksum = 0;
            for (int i = 1; i <= warmUp; i++) {
                checksum += issue(i, issuer, customer, signer).getHash().length();
            }
            long[] cpu = new long[invoices];
            for (int i = 0; i < invoices; i++) {
                long start = threads.getCurrentThreadCpuTime();
                checksum += issue(warmUp + 1 + i, issuer, customer, signer).getHash().length();
                cpu[i] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "Issue (snapshot -> lines -> checked document -> UBL -> signature -> entity)"
                    + " of a 5-line factura, %d invoices after %d warm-up, Java %s, %d cores%n", invoices, warmUp,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "CPU per invoice: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
                            + " (checksum %d)%n", cpu[invoices / 2] / 1e6, cpu[(int) (invoices * 0.95)] / 1e6,
                    cpu[(int) (invoices * 0.99)] / 1e6, cpu[invoices - 1] / 1e6, checksum);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static BillingDocument issue(long number, Issuer issuer, Customer customer, XmlDocumentSigner signer) {
        OrderSnapshot order = order(number);
        List<DocumentLine> lines = SunatRegime.sunatLines(order, PEN);
        Instant now = Instant.now();
        ZonedDateTime local = now.atZone(LIMA);
        ElectronicDocument doc = ElectronicDocument.builder().kind(DocumentKind.FACTURA)
                .number(DocumentNumber.of("F001", number)).issuedAt(local.toLocalDate(), local.toLocalTime())
                .currency(PEN).issuer(issuer).customer(customer).lines(lines).paymentTerms(PaymentTerms.cash())
                .build();
        SignedDocument signed = signer.sign(new SunatUblWriter().write(doc));
        BillingDocument d = new BillingDocument(BillingDocumentKind.FACTURA, 1, "F001", number, now, LIMA, PEN);
        d.forOrder(order.orderId(), 1L);
        SunatRegime.fill(d, doc);
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, order.lines().get(i).itemId(), lines.get(i)));
        }
        d.payable(PaymentTerms.cash(), doc.issueDate(), null);
        d.signed(signed.xml(), signed.hash());
        return d;
    }

    /** A paid 5-line order as the orders component snapshots it: IGV 18 % with prices including tax. */
    private static OrderSnapshot order(long id) {
        List<OrderSnapshot.Line> lines = new ArrayList<>();
        BigDecimal[] prices = {new BigDecimal("35.40"), new BigDecimal("12.90"), new BigDecimal("118.00"),
                new BigDecimal("7.50"), new BigDecimal("59.00")};
        for (int i = 0; i < prices.length; i++) {
            BigDecimal qty = BigDecimal.valueOf(i + 1L).setScale(3);
            BigDecimal total = prices[i].multiply(qty).setScale(2, RoundingMode.HALF_UP);
            BigDecimal base = total.divide(new BigDecimal("1.18"), 2, RoundingMode.HALF_UP);
            lines.add(new OrderSnapshot.Line(i + 1, i + 1, 100 + i, "ITEM-" + i, "Producto de laboratorio " + i,
                    "PRODUCT", "NIU", qty, prices[i], "10", new BigDecimal("18.00"), BigDecimal.ZERO.setScale(2),
                    base, total.subtract(base), total, prices[i].divide(new BigDecimal("1.18"), 10,
                    RoundingMode.HALF_UP), prices[i].setScale(10), null));
        }
        return new OrderSnapshot(id, "LIM01-2026-" + id, 1, "LIM01", 1L, "COUNTER", "PEN", true, Instant.now(),
                Instant.now(), lines, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of());
    }
}
