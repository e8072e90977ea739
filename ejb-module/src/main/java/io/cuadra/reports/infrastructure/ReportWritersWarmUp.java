package io.cuadra.reports.infrastructure;

import io.cuadra.reports.domain.ReportResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the XLSX (POI) and PDF (OpenPDF) writers' classes while the application starts, in the background:
 * the first export after a start otherwise paid that class loading itself (a year's daily sales took 5–7 s the
 * first time, a third of a second after). A one-row report is written in each format and thrown away; the start
 * does not wait for it, and a failure here only costs the first export its speed.
 */
@Singleton
@Startup
public class ReportWritersWarmUp {

    private static final Logger LOG = Logger.getLogger(ReportWritersWarmUp.class.getName());

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.submit(() -> {
            try {
                long started = System.nanoTime();
                int bytes = writeSamples().stream().mapToInt(b -> b.length).sum();
                LOG.fine(() -> String.format("Report writers warmed up in %d ms (%d bytes written)",
                        (System.nanoTime() - started) / 1_000_000, bytes));
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Report writers not warmed up: the first export will load them", e);
            }
        });
    }

    /** A one-row report written as XLSX and as PDF (the classes a real export needs), in that order. */
    static List<byte[]> writeSamples() {
        ReportResult sample = new ReportResult("warm-up", "day", LocalDate.EPOCH, LocalDate.EPOCH,
                List.of(new ReportResult.Column("orders", "COUNT"), new ReportResult.Column("gross", "MONEY")),
                List.of(new ReportResult.Row("1970-01-01", "1970-01-01", List.of(1L, BigDecimal.ONE))),
                List.of(1L, BigDecimal.ONE));
        return List.of("xlsx", "pdf").stream()
                .map(format -> ReportFiles.write(format, "warm-up", List.of("day", "orders", "gross"), sample, "total", 2))
                .toList();
    }
}
