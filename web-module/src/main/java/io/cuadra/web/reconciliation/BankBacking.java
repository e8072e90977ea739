package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.BankStatementService;
import io.cuadra.reconciliation.application.MatchingService;
import io.cuadra.reconciliation.application.ReconciliationJobs;
import io.cuadra.reconciliation.domain.bank.BankMatch;
import io.cuadra.reconciliation.domain.bank.CreditState;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.web.reconciliation.ReconciliationViews.BankProfileView;
import io.cuadra.web.reconciliation.ReconciliationViews.MatchView;
import io.cuadra.web.reconciliation.ReconciliationViews.OpenPaymentView;
import io.cuadra.web.reconciliation.ReconciliationViews.RejectionView;
import io.cuadra.web.reconciliation.ReconciliationViews.StatementView;
import io.cuadra.web.reconciliation.ReconciliationViews.TransactionView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Bank reconciliation: import statements, see what they brought and rejected, and work the movements. */
@Named
@ViewScoped
public class BankBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BankStatementService statements;

    @EJB
    MatchingService matching;

    @EJB
    ReconciliationJobs jobs;

    private List<BankProfileView> profiles;
    private Long profileId;
    private String accountNumber;
    /** The statement file, a plain file input: PrimeFaces' skinned one hides a focusable input from assistive technology. */
    private transient Part file;
    private List<RejectionView> rejections = List.of();
    private CreditState status = CreditState.UNMATCHED;
    private Long ignoringId;
    private long ignoringVersion;
    private String ignoreReason;
    private List<MatchView> suggestions = List.of();
    private List<MatchView> standing = List.of();
    private List<OpenPaymentView> openPayments = List.of();
    private List<TransactionView> openCredits = List.of();
    private List<TransactionView> selectedCredits = new ArrayList<>();
    private List<OpenPaymentView> selectedPayments = new ArrayList<>();
    private String matchNote;
    private Long unmatchingId;
    private long unmatchingVersion;
    private String unmatchReason;

    @PostConstruct
    void init() {
        profiles = statements.profiles().stream().map(BankProfileView::of).toList();
        if (!profiles.isEmpty()) {
            profileId = profiles.get(0).id();
        }
        reloadMatching();
    }

    /** Suggestions, standing matches, and what can still be matched by hand (the last 60 days of payments). */
    public void reloadMatching() {
        suggestions = matching.matches(BankMatch.Status.SUGGESTED, 0, 100).map(MatchView::of).items();
        standing = matching.matches(BankMatch.Status.MATCHED, 0, 100).map(MatchView::of).items();
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        openPayments = matching.openPayments(today.minusDays(60), today.plusDays(1)).stream()
                .map(OpenPaymentView::of).toList();
        openCredits = statements.transactions(CreditState.UNMATCHED, null, null, null, 0, 200).items().stream()
                .filter(t -> t.isCredit()).map(TransactionView::of).toList();
        selectedCredits = new ArrayList<>();
        selectedPayments = new ArrayList<>();
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void runMatching() {
        ReconciliationJobRun run = FacesActions.attempt(jobs::startMatching);
        if (run != null) {
            FacesActions.info(Texts.get("reconciliation.bank.matchingStarted", run.getExecutionId()));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void accept(long id, long version) {
        if (FacesActions.succeeded(() -> matching.accept(id, version))) {
            reloadMatching();
            FacesActions.info(Texts.get("reconciliation.bank.matched"));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void dismiss(long id, long version) {
        if (FacesActions.succeeded(() -> matching.dismiss(id, version))) {
            reloadMatching();
            FacesActions.info(Texts.get("reconciliation.bank.dismissed"));
        }
    }

    public void startUnmatch(long id, long version) {
        unmatchingId = id;
        unmatchingVersion = version;
        unmatchReason = null;
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void unmatch() {
        if (FacesActions.succeeded(() -> matching.unmatch(unmatchingId, unmatchingVersion, unmatchReason))) {
            reloadMatching();
            FacesActions.info(Texts.get("reconciliation.bank.unmatched"));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void matchSelected() {
        List<Long> credits = selectedCredits.stream().map(TransactionView::id).toList();
        List<Long> payments = selectedPayments.stream().map(OpenPaymentView::paymentId).toList();
        if (FacesActions.succeeded(() -> matching.matchByHand(credits, payments, matchNote))) {
            matchNote = null;
            reloadMatching();
            FacesActions.info(Texts.get("reconciliation.bank.matched"));
        }
    }

    private final LazyDataModel<TransactionView> transactions = PagedModel.of(
            (n, s) -> statements.transactions(status, null, null, null, n, s).map(TransactionView::of), row -> Long.toString(row.id()));

    /** What the statement import accepts at most (CSV or XLSX). */
    private static final long MAX_FILE = 20L * 1024 * 1024;

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void upload() {
        if (file == null || file.getSize() == 0) {
            FacesActions.besideField("content", Texts.get("reconciliation.bank.file"));
            return;
        }
        String name = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
        if (!name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|xlsx)") || file.getSize() > MAX_FILE) {
            FacesActions.besideField("content", Texts.get("imports.invalidFile"));
            return;
        }
        byte[] content;
        try (java.io.InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (java.io.IOException e) {
            FacesActions.besideField("content", Texts.get("reconciliation.bank.file"));
            return;
        }
        ReconciliationJobRun run = FacesActions.attempt(() -> statements.upload(profileId, accountNumber, name, content));
        if (run != null) {
            FacesActions.info(Texts.get("reconciliation.bank.imported", run.getExecutionId()));
        }
    }

    public void showRejections(long statementId) {
        rejections = statements.rejections(statementId).stream().map(RejectionView::of).toList();
    }

    public void startIgnore(long id, long version) {
        ignoringId = id;
        ignoringVersion = version;
        ignoreReason = null;
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void ignore() {
        if (FacesActions.succeeded(() -> statements.ignore(ignoringId, ignoringVersion, ignoreReason))) {
            reloadMatching();
            FacesActions.info(Texts.get("reconciliation.bank.ignored"));
        }
    }

    public List<StatementView> getStatements() {
        return statements.statements(0, 20).map(StatementView::of).items();
    }

    public LazyDataModel<TransactionView> getTransactions() {
        return transactions;
    }

    public CreditState[] getStatuses() {
        return CreditState.values();
    }

    public List<BankProfileView> getProfiles() {
        return profiles;
    }

    public Long getProfileId() {
        return profileId;
    }

    public void setProfileId(Long profileId) {
        this.profileId = profileId;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public void setAccountNumber(String accountNumber) {
        this.accountNumber = accountNumber;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public List<RejectionView> getRejections() {
        return rejections;
    }

    public CreditState getStatus() {
        return status;
    }

    public void setStatus(CreditState status) {
        this.status = status;
    }

    public String getIgnoreReason() {
        return ignoreReason;
    }

    public void setIgnoreReason(String ignoreReason) {
        this.ignoreReason = ignoreReason;
    }

    public Long getIgnoringId() {
        return ignoringId;
    }

    public List<MatchView> getSuggestions() {
        return suggestions;
    }

    public List<MatchView> getStanding() {
        return standing;
    }

    public List<OpenPaymentView> getOpenPayments() {
        return openPayments;
    }

    public List<TransactionView> getOpenCredits() {
        return openCredits;
    }

    public List<TransactionView> getSelectedCredits() {
        return selectedCredits;
    }

    public void setSelectedCredits(List<TransactionView> selectedCredits) {
        this.selectedCredits = selectedCredits;
    }

    public List<OpenPaymentView> getSelectedPayments() {
        return selectedPayments;
    }

    public void setSelectedPayments(List<OpenPaymentView> selectedPayments) {
        this.selectedPayments = selectedPayments;
    }

    public String getMatchNote() {
        return matchNote;
    }

    public void setMatchNote(String matchNote) {
        this.matchNote = matchNote;
    }

    public String getUnmatchReason() {
        return unmatchReason;
    }

    public void setUnmatchReason(String unmatchReason) {
        this.unmatchReason = unmatchReason;
    }
}
