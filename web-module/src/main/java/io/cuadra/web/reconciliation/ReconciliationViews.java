package io.cuadra.web.reconciliation;

import io.cuadra.web.platform.Amount;
import io.cuadra.reconciliation.application.JobExecutionInfo;
import io.cuadra.reconciliation.application.OpenDiscrepancies;
import io.cuadra.reconciliation.domain.bank.BankLayout;
import io.cuadra.reconciliation.domain.bank.BankMatch;
import io.cuadra.reconciliation.domain.bank.BankMatchCredit;
import io.cuadra.reconciliation.domain.bank.BankMatchPayment;
import io.cuadra.reconciliation.domain.bank.BankStatement;
import io.cuadra.reconciliation.domain.bank.BankTransaction;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.closure.ClosureDiscrepancy;
import io.cuadra.reconciliation.domain.closure.ClosureTransition;
import io.cuadra.reconciliation.domain.cash.Denomination;
import io.cuadra.reconciliation.domain.cash.DenominationSet;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.bank.OpenPayment;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.reconciliation.domain.bank.StatementRejection;
import io.cuadra.shared.domain.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the reconciliation endpoints return: records built from entities, never the entities. */
public final class ReconciliationViews {

    private ReconciliationViews() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A query parameter holding an ISO date (2026-11-20), or null. */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(name + ": " + value + " is not a date like 2026-11-20.");
        }
    }

    @Schema(name = "Closure", description = "A location's business day: its figures, drawer count and status")
    public record ClosureView(long id, long locationId, String locationCode, String locationName, LocalDate businessDate,
                              String currency, String status, OffsetDateTime computedAt, int orderCount,
                              int cancelledOrderCount, int invoiceCount, int creditNoteCount, @Amount BigDecimal invoicedTotal,
                              @Amount BigDecimal creditedTotal,
                              @Schema(description = "Invoices and receipts minus credit notes") @Amount BigDecimal registeredTotal,
                              @Amount BigDecimal expectedTotal,
                              @Schema(description = "Cash expected in the drawer, net of change given") @Amount BigDecimal expectedCash,
                              @Amount BigDecimal countedCash,
                              @Schema(description = "Counted minus expected cash: positive over, negative short") @Amount BigDecimal cashDifference,
                              int discrepancyCount, String notes, OffsetDateTime closedAt, String closedBy,
                              OffsetDateTime reopenedAt, String reopenedBy, String reopenReason,
                              @Schema(type = SchemaType.ARRAY, implementation = MethodView.class) List<MethodView> expectedByMethod,
                              @Schema(type = SchemaType.ARRAY, implementation = TransitionView.class) List<TransitionView> history,
                              long version) implements java.io.Serializable {
        static ClosureView of(Closure c) {
            return new ClosureView(c.getId(), c.getLocation().getId(), c.getLocation().getCode(), c.getLocation().getName(),
                    c.getBusinessDate(), c.getCurrency(), c.getStatus().name(), utc(c.getComputedAt()), c.getOrderCount(),
                    c.getCancelledOrderCount(), c.getInvoiceCount(), c.getCreditNoteCount(), c.getInvoicedTotal(),
                    c.getCreditedTotal(), c.getRegisteredTotal(), c.getExpectedTotal(), c.getExpectedCash(),
                    c.getCountedCash(), c.getCashDifference(), c.getDiscrepancyCount(), c.getNotes(),
                    utc(c.getClosedAt()), c.getClosedBy(), utc(c.getReopenedAt()), c.getReopenedBy(),
                    c.getReopenReason(),
                    c.getMethods().stream().map(m -> new MethodView(m.getKind().name(), m.getMethodCode(),
                            m.getExpected(), m.getPaymentCount())).toList(),
                    c.getTransitions().stream().map(TransitionView::of).toList(), c.getVersion());
        }
    }

    @Schema(name = "ClosureMethodTotal", description = "What one payment method should hold")
    public record MethodView(@Schema(example = "CASH") String kind, @Schema(example = "EFECTIVO") String methodCode,
                             @Amount BigDecimal expected, int paymentCount) implements java.io.Serializable {
    }

    @Schema(name = "ClosureTransition")
    public record TransitionView(String from, String to, String actor, OffsetDateTime at, String note) implements java.io.Serializable {
        static TransitionView of(ClosureTransition t) {
            return new TransitionView(t.getFromStatus().name(), t.getToStatus().name(), t.getActor(), utc(t.getAt()),
                    t.getNote());
        }
    }

    @Schema(name = "CashCount", description = "A drawer count by denomination and its difference from the expected cash")
    public record CashCountView(long id, long closureId, String currency, @Amount BigDecimal total, @Amount BigDecimal expectedCash,
                                @Amount BigDecimal difference, @Schema(example = "SHORT") String outcome, String countedBy,
                                OffsetDateTime countedAt,
                                @Schema(type = SchemaType.ARRAY, implementation = CountLineView.class) List<CountLineView> lines) implements java.io.Serializable {
        static CashCountView of(CashCount d) {
            int sign = d.getDifference().signum();
            return new CashCountView(d.getId(), d.getClosure().getId(), d.getCurrency(), d.getTotal(), d.getExpectedCash(),
                    d.getDifference(), sign == 0 ? "EXACT" : sign > 0 ? "OVER" : "SHORT", d.getCountedBy(),
                    utc(d.getCountedAt()), d.getLines().stream().map(l -> new CountLineView(l.getForm().name(),
                    l.getFaceValue(), l.getPieces(), l.getSubtotal())).toList());
        }
    }

    @Schema(name = "CashCountLine")
    public record CountLineView(@Schema(example = "NOTE") String form, @Schema(example = "50.00") @Amount BigDecimal value,
                                int pieces, @Amount BigDecimal subtotal) implements java.io.Serializable {
    }

    @Schema(name = "Denominations", description = "The notes and coins of a currency, largest first")
    public record DenominationsView(String currency,
                                    @Schema(type = SchemaType.ARRAY, implementation = DenominationView.class)
                                    List<DenominationView> denominations) {
        static DenominationsView of(DenominationSet set) {
            return new DenominationsView(set.currency().getCurrencyCode(),
                    set.denominations().stream().map(DenominationView::of).toList());
        }
    }

    @Schema(name = "Denomination")
    public record DenominationView(@Schema(example = "COIN") String form, @Schema(example = "0.50") @Amount BigDecimal value) {
        static DenominationView of(Denomination d) {
            return new DenominationView(d.form().name(), d.value());
        }
    }

    @Schema(name = "ClosureDiscrepancy", description = "Something that does not add up in a day")
    public record DiscrepancyView(long id, long closureId, long locationId, String locationCode, LocalDate businessDate,
                                  @Schema(example = "MISSING_INVOICE") String type,
                                  @Schema(example = "ORDER") String subject, long subjectId, Long orderId,
                                  String orderNumber, Long documentId, String documentNumbers, @Amount BigDecimal expected,
                                  @Amount BigDecimal actual, @Amount BigDecimal difference, String description,
                                  @Schema(example = "OPEN") String status, OffsetDateTime foundAt,
                                  String resolutionNotes, String resolvedBy, OffsetDateTime resolvedAt, long version) implements java.io.Serializable {
        static DiscrepancyView of(ClosureDiscrepancy d) {
            Closure c = d.getClosure();
            return new DiscrepancyView(d.getId(), c.getId(), c.getLocation().getId(), c.getLocation().getCode(),
                    c.getBusinessDate(), d.getType().name(), d.getSubject().name(), d.getSubjectId(), d.getOrderId(),
                    d.getOrderNumber(), d.getDocumentId(), d.getDocumentNumbers(), d.getExpectedAmount(),
                    d.getActualAmount(), d.getDifference(), d.getDescription(), d.getStatus().name(),
                    utc(d.getFoundAt()), d.getResolutionNotes(), d.getResolvedBy(), utc(d.getResolvedAt()),
                    d.getVersion());
        }
    }

    @Schema(name = "OpenDiscrepancies", description = "Open discrepancies of one location")
    public record OpenView(long locationId, String locationCode, String locationName, long open, LocalDate oldestDay) {
        static OpenView of(OpenDiscrepancies o) {
            return new OpenView(o.locationId(), o.locationCode(), o.locationName(), o.open(), o.oldestDay());
        }
    }

    @Schema(name = "ReconciliationJobRun", description = "A job execution just started")
    public record JobRunView(long executionId, long instanceId, String jobName, Long locationId, LocalDate businessDate,
                             Long statementId, String trigger, Long restartOf) {
        static JobRunView of(ReconciliationJobRun r) {
            return new JobRunView(r.getExecutionId(), r.getInstanceId(), r.getJobName(), r.getLocationId(),
                    r.getBusinessDate(), r.getStatementId(), r.getTrigger().name(), r.getRestartOf());
        }
    }

    @Schema(name = "ReconciliationJobExecution", description = "One execution of a reconciliation job with its steps")
    public record JobExecutionView(long executionId, long instanceId, String jobName,
                                   @Schema(example = "COMPLETED") String batchStatus, String exitStatus,
                                   OffsetDateTime startedAt, OffsetDateTime endedAt, Long locationId,
                                   LocalDate businessDate, Long statementId, String trigger, Long restartOf,
                                   String startedBy, boolean restartable,
                                   @Schema(type = SchemaType.ARRAY, implementation = StepView.class) List<StepView> steps) implements java.io.Serializable {
        static JobExecutionView of(JobExecutionInfo e) {
            return new JobExecutionView(e.executionId(), e.instanceId(), e.jobName(), e.batchStatus(), e.exitStatus(),
                    utc(e.startedAt()), utc(e.endedAt()), e.locationId(), e.businessDate(), e.statementId(), e.trigger(),
                    e.restartOf(), e.startedBy(), e.restartable(), e.steps().stream().map(StepView::of).toList());
        }
    }

    @Schema(name = "ReconciliationJobStep", description = "What one step read, wrote, skipped and committed")
    public record StepView(String name, String batchStatus, String exitStatus, OffsetDateTime startedAt,
                           OffsetDateTime endedAt, long read, long written, long filtered, long readSkipped,
                           long processSkipped, long writeSkipped, long commits, long rollbacks) implements java.io.Serializable {
        static StepView of(JobExecutionInfo.Step s) {
            return new StepView(s.name(), s.batchStatus(), s.exitStatus(), utc(s.startedAt()), utc(s.endedAt()),
                    s.read(), s.written(), s.filtered(), s.readSkipped(), s.processSkipped(), s.writeSkipped(),
                    s.commits(), s.rollbacks());
        }
    }

    @Schema(name = "BankProfile", description = "The column mapping of one bank's statement export; columns count from 0")
    public record BankProfileView(long id, String code, String name, String currency, String csvSeparator,
                                  int headerRows, int dateColumn, String datePattern, Integer amountColumn,
                                  Integer creditColumn, Integer debitColumn, String decimalSeparator,
                                  String thousandsSeparator, int descriptionColumn, Integer referenceColumn,
                                  Integer counterpartyColumn, long version) implements java.io.Serializable {
        static BankProfileView of(BankLayout p) {
            BankLayout.Mapping m = p.mapping();
            return new BankProfileView(p.getId(), p.getCode(), m.name(), m.currency(), m.csvSeparator(), m.headerRows(),
                    m.dateColumn(), m.datePattern(), m.amountColumn(), m.creditColumn(), m.debitColumn(),
                    m.decimalSeparator(), m.thousandsSeparator(), m.descriptionColumn(), m.referenceColumn(),
                    m.counterpartyColumn(), p.getVersion());
        }
    }

    @Schema(name = "BankStatement", description = "An uploaded statement file and what its import found")
    public record StatementView(long id, long profileId, String profileCode, String accountNumber, String fileName,
                                String fileFormat, String fileSha256, @Schema(example = "IMPORTED") String status,
                                int rowCount, int transactionCount,
                                @Schema(description = "Movements this file brought first") int newCount,
                                @Schema(description = "Movements already stored from an earlier file") int duplicateCount,
                                int rejectedCount, LocalDate periodFrom, LocalDate periodTo,
                                OffsetDateTime importedAt) {
        static StatementView of(BankStatement s) {
            return new StatementView(s.getId(), s.getProfile().getId(), s.getProfile().getCode(), s.getAccountNumber(),
                    s.getFileName(), s.getFileFormat().name(), s.getFileSha256(), s.getStatus().name(), s.getRowCount(),
                    s.getTransactionCount(), s.getNewCount(), s.getDuplicateCount(), s.getRejectedCount(),
                    s.getPeriodFrom(), s.getPeriodTo(), utc(s.getImportedAt()));
        }
    }

    @Schema(name = "BankStatementRejection", description = "A row of the rejected-rows report")
    public record RejectionView(int rowNumber, @Schema(example = "BAD_DATE") String reason, String message,
                                String cells) implements java.io.Serializable {
        static RejectionView of(StatementRejection r) {
            return new RejectionView(r.getRowNumber(), r.getReason().name(), r.getMessage(), r.getCells());
        }
    }

    @Schema(name = "BankTransaction", description = "One movement of a bank account; credits are positive")
    public record TransactionView(long id, long statementId, String accountNumber, LocalDate bookedOn, @Amount BigDecimal amount,
                                  String currency, String description, String reference, String counterparty,
                                  @Schema(example = "UNMATCHED") String status, String ignoreReason, String decidedBy,
                                  OffsetDateTime decidedAt, long version) implements java.io.Serializable {
        static TransactionView of(BankTransaction t) {
            return new TransactionView(t.getId(), t.getStatement().getId(), t.getAccountNumber(), t.getBookedOn(),
                    t.getAmount(), t.getCurrency(), t.getDescription(), t.getReference(), t.getCounterparty(),
                    t.getStatus().name(), t.getIgnoreReason(), t.getDecidedBy(), utc(t.getDecidedAt()), t.getVersion());
        }
    }

    @Schema(name = "BankMatch", description = "Bank credits paired with payments, with the evidence score")
    public record MatchView(long id, @Schema(example = "ONE_TO_ONE") String shape,
                            @Schema(example = "SUGGESTED") String status, @Schema(example = "AUTO") String origin,
                            BigDecimal score, BigDecimal amountScore, BigDecimal dateScore, BigDecimal referenceScore,
                            BigDecimal nameScore, @Amount BigDecimal creditTotal, @Amount BigDecimal paymentTotal, String decidedBy,
                            OffsetDateTime decidedAt, String note,
                            @Schema(type = SchemaType.ARRAY, implementation = MatchCreditView.class) List<MatchCreditView> credits,
                            @Schema(type = SchemaType.ARRAY, implementation = MatchPaymentView.class) List<MatchPaymentView> payments,
                            long version) implements java.io.Serializable {
        static MatchView of(BankMatch m) {
            return new MatchView(m.getId(), m.getShape().name(), m.getStatus().name(), m.getOrigin().name(), m.getScore(),
                    m.getAmountScore(), m.getDateScore(), m.getReferenceScore(), m.getNameScore(), m.getCreditTotal(),
                    m.getPaymentTotal(), m.getDecidedBy(), utc(m.getDecidedAt()), m.getNote(),
                    m.getCredits().stream().map(MatchCreditView::of).toList(),
                    m.getPayments().stream().map(MatchPaymentView::of).toList(), m.getVersion());
        }
    }

    @Schema(name = "BankMatchCredit")
    public record MatchCreditView(long transactionId, LocalDate bookedOn, @Amount BigDecimal amount, String description,
                                  String reference) implements java.io.Serializable {
        static MatchCreditView of(BankMatchCredit c) {
            BankTransaction t = c.getTransaction();
            return new MatchCreditView(t.getId(), t.getBookedOn(), c.getAmount(), t.getDescription(), t.getReference());
        }
    }

    @Schema(name = "BankMatchPayment")
    public record MatchPaymentView(long paymentId, long orderId, String orderNumber, LocalDate paidOn, @Amount BigDecimal amount) implements java.io.Serializable {
        static MatchPaymentView of(BankMatchPayment p) {
            return new MatchPaymentView(p.getPaymentId(), p.getOrderId(), p.getOrderNumber(), p.getPaidOn(), p.getAmount());
        }
    }

    @Schema(name = "OpenPayment", description = "A card, transfer or wallet payment waiting for its bank credit")
    public record OpenPaymentView(long paymentId, long orderId, String orderNumber, @Schema(example = "TRANSFER") String kind,
                                  LocalDate paidOn, @Amount BigDecimal amount, String currency, String reference,
                                  String customerName) implements java.io.Serializable {
        static OpenPaymentView of(OpenPayment p) {
            return new OpenPaymentView(p.paymentId(), p.orderId(), p.orderNumber(), p.kind().name(), p.date(),
                    p.amount().amount(), p.amount().currency().getCurrencyCode(), p.reference(), p.customerName());
        }
    }
}
