package io.cuadra.reconciliation.domain.bank;

import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/** An uploaded statement file of one bank account, and what its import found. */
@Entity
@Table(name = "bank_statements")
public class BankStatement extends TenantEntity {

    public enum Format { CSV, XLSX }

    public enum Status { PENDING, IMPORTING, IMPORTED, FAILED }

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "profile_id", nullable = false, updatable = false)
    private BankLayout profile;
    @Column(name = "account_number", nullable = false, updatable = false)
    private String accountNumber;
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;
    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false, updatable = false)
    private Format fileFormat;
    @Column(name = "file_sha256", nullable = false, updatable = false)
    private String fileSha256;
    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;
    @Column(name = "row_count", nullable = false)
    private int rowCount;
    @Column(name = "transaction_count", nullable = false)
    private int transactionCount;
    @Column(name = "new_count", nullable = false)
    private int newCount;
    @Column(name = "duplicate_count", nullable = false)
    private int duplicateCount;
    @Column(name = "rejected_count", nullable = false)
    private int rejectedCount;
    @Column(name = "period_from")
    private LocalDate periodFrom;
    @Column(name = "period_to")
    private LocalDate periodTo;
    @Column(name = "imported_at")
    private Instant importedAt;

    protected BankStatement() {
    }

    public BankStatement(BankLayout profile, String accountNumber, String fileName, byte[] content) {
        this.profile = profile;
        this.accountNumber = accountNumber.strip();
        this.fileName = fileName.strip();
        this.fileFormat = formatOf(fileName, content);
        this.content = content.clone();
        this.fileSha256 = sha256(content);
    }

    /** XLSX files are ZIP archives ("PK"); anything else is read as CSV text. */
    static Format formatOf(String fileName, byte[] content) {
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        return zip || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? Format.XLSX : Format.CSV;
    }

    public void importing() {
        status = Status.IMPORTING;
    }

    /** Counts are written once the import job has stored every row. */
    public void imported(int rows, int transactions, int fresh, int duplicates, int rejected, LocalDate from,
                         LocalDate to, Instant at) {
        status = Status.IMPORTED;
        rowCount = rows;
        transactionCount = transactions;
        newCount = fresh;
        duplicateCount = duplicates;
        rejectedCount = rejected;
        periodFrom = from;
        periodTo = to;
        importedAt = at;
    }

    public void failed() {
        status = Status.FAILED;
    }

    public String text() {
        String s = new String(content, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    public BankLayout getProfile() {
        return profile;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getFileName() {
        return fileName;
    }

    public Format getFileFormat() {
        return fileFormat;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Status getStatus() {
        return status;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getTransactionCount() {
        return transactionCount;
    }

    public int getNewCount() {
        return newCount;
    }

    public int getDuplicateCount() {
        return duplicateCount;
    }

    public int getRejectedCount() {
        return rejectedCount;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
