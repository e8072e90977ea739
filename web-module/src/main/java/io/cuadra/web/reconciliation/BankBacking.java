package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.BankStatementService;
import io.cuadra.reconciliation.domain.CreditState;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.reconciliation.ReconciliationViews.BankProfileView;
import io.cuadra.web.reconciliation.ReconciliationViews.RejectionView;
import io.cuadra.web.reconciliation.ReconciliationViews.StatementView;
import io.cuadra.web.reconciliation.ReconciliationViews.TransactionView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Bank reconciliation: import statements, see what they brought and rejected, and work the movements. */
@Named
@ViewScoped
public class BankBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BankStatementService statements;

    private List<BankProfileView> profiles;
    private Long profileId;
    private String accountNumber;
    private transient UploadedFile file;
    private List<RejectionView> rejections = List.of();
    private CreditState status = CreditState.UNMATCHED;
    private Long ignoringId;
    private long ignoringVersion;
    private String ignoreReason;

    @PostConstruct
    void init() {
        profiles = statements.profiles().stream().map(BankProfileView::of).toList();
        if (!profiles.isEmpty()) {
            profileId = profiles.get(0).id();
        }
    }

    private final LazyDataModel<TransactionView> transactions = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) statements.transactions(status, null, null, null, 0, 1).total();
        }

        @Override
        public List<TransactionView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                          Map<String, FilterMeta> filterBy) {
            Page<TransactionView> page = statements.transactions(status, null, null, null, first / pageSize, pageSize)
                    .map(TransactionView::of);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(TransactionView row) {
            return Long.toString(row.id());
        }
    };

    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    public void upload() {
        if (file == null || file.getSize() == 0) {
            FacesActions.error(Texts.get("reconciliation.bank.file"));
            return;
        }
        ReconciliationJobRun run = FacesActions.attempt(() -> statements.upload(profileId, accountNumber,
                file.getFileName(), file.getContent()));
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

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
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
}
