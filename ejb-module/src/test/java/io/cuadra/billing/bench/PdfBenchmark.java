package io.cuadra.billing.bench;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.SampleFrenchInvoices;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.infrastructure.pdf.DocumentPdf;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Renders the same documents N times on one thread after a warm-up and prints CPU and wall milliseconds
 * per PDF, and its size: an A4 factura with logo, a ticket boleta, a French facture. Prints figures only.
 *
 * <p>Arguments: [documents per kind, default 1000] [warm-up per kind, default 300]. Run: {@code ./mvnw -B -q -pl
 * ejb-module -am package -DskipTests -Dunit.bench=io.cuadra.billing.bench.PdfBenchmark [-Dunit.bench.args="1000 300"]}.
 */
public final class PdfBenchmark {

    private static final String HASH = "qCRtaNCpYi1mtnbz5rVmTBKkpcVNGT2LEkStLKCJ+6w=";

    private PdfBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure thread CPU time.");
        }
        threads.setThreadCpuTimeEnabled(true);

        byte[] logo = logo();
        ElectronicDocument factura = SampleDocuments.factura();
        ElectronicDocument boleta = SampleDocuments.mixedBoleta();
        FrenchInvoice facture = SampleFrenchInvoices.facture(SampleFrenchInvoices.business());

        System.out.printf(Locale.ROOT, "PDF rendering, %d documents per kind after %d warm-up (Java %s)%n", documents,
                warmUp, System.getProperty("java.version"));
        measure("A4 factura + logo", () -> DocumentPdf.a4(factura, HASH, logo), documents, warmUp, threads);
        measure("ticket boleta    ", () -> DocumentPdf.ticket(boleta, HASH, null), documents, warmUp, threads);
        measure("French facture   ", () -> DocumentPdf.french(facture, logo), documents, warmUp, threads);
    }

    private static void measure(String label, Supplier<byte[]> render, int documents, int warmUp,
                                ThreadMXBean threads) {
        long bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            bytes += render.get().length;
        }
        long[] cpu = new long[documents];
        long[] wall = new long[documents];
        for (int i = 0; i < documents; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            bytes += render.get().length;
            wall[i] = System.nanoTime() - wallStart;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%s: CPU p50 %.2f ms, p95 %.2f ms; wall p50 %.2f ms, mean %.2f ms; %.1f KB%n",
                label, percentile(cpu, 0.50), percentile(cpu, 0.95), percentile(wall, 0.50),
                Arrays.stream(wall).average().orElse(0) / 1e6, bytes / 1024.0 / (documents + warmUp));
    }

    private static double percentile(long[] sortedNanos, double fraction) {
        return sortedNanos[(int) Math.floor(fraction * (sortedNanos.length - 1))] / 1e6;
    }

    /** A 300 x 100 PNG, the size of a typical letterhead logo. */
    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8, 0x6B, 0x1E));
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
