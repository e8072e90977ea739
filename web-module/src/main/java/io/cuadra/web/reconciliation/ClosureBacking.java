package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.domain.cash.CashCountLine;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.cash.DenominationForm;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.cash.CountedDenomination;
import io.cuadra.reconciliation.infrastructure.report.ClosureReportPdf;
import io.cuadra.reconciliation.infrastructure.report.ClosureReportXlsx;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.l10n.Formats;
import io.cuadra.web.platform.TableExport;
import io.cuadra.web.reconciliation.ReconciliationViews.CashCountView;
import io.cuadra.web.reconciliation.ReconciliationViews.ClosureView;
import io.cuadra.web.reconciliation.ReconciliationViews.DiscrepancyView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One closure: expected against counted per method, the drawer count by denomination, the
 * discrepancies and their resolution, closing and reopening, and the report.
 */
@Named
@ViewScoped
public class ClosureBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClosureService closures;

    @Inject
    Formats fmt;

    private Long id;
    private ClosureView closure;
    private CashCountView lastCount;
    private List<DiscrepancyView> discrepancies = List.of();
    private List<CountRow> countRows = List.of();
    private String notes;
    private String reopenReason;
    private Long resolvingId;
    private long resolvingVersion;
    private String resolution;

    /** One denomination of the drawer sheet and the pieces counted of it. */
    public static final class CountRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DenominationForm form;
        private final BigDecimal value;
        private final String currency;
        private Integer pieces;

        CountRow(DenominationForm form, BigDecimal value, String currency, Integer pieces) {
            this.form = form;
            this.value = value;
            this.currency = currency;
            this.pieces = pieces;
        }

        public DenominationForm getForm() {
            return form;
        }

        public BigDecimal getValue() {
            return value;
        }

        public String getKey() {
            return key(value, form, currency);
        }

        public Integer getPieces() {
            return pieces;
        }

        public void setPieces(Integer pieces) {
            this.pieces = pieces;
        }
    }

    /** f:viewAction: loads the closure named by the id parameter (404 page when it is not the caller's). */
    public void load() throws IOException {
        if (id == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not Found");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        try {
            refresh();
        } catch (NotFound e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not Found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private void refresh() {
        Closure c = closures.get(id);
        closure = ClosureView.of(c);
        CashCount count = closures.latestCount(id).orElse(null);
        lastCount = count == null ? null : CashCountView.of(count);
        discrepancies = closures.discrepanciesOf(id).stream().map(DiscrepancyView::of).toList();
        String currency = c.getCurrency();
        Map<String, Integer> counted = count == null ? Map.of() : count.getLines().stream().collect(Collectors.toMap(
                l -> key(l.getFaceValue(), l.getForm(), currency), CountedDenomination::getPieces));
        List<CountRow> rows = new ArrayList<>();
        closures.denominations(currency).denominations().forEach(d -> rows.add(new CountRow(d.form(), d.value(),
                currency, counted.get(key(d.value(), d.form(), currency)))));
        countRows = rows;
    }

    /**
     * A denomination's key on the sheet, at its currency's digits ({@code 50.00-NOTE}, {@code 5000-NOTE} for the peso):
     * a stored count (numeric(12,2)) and the catalog's face value then meet on the same key.
     */
    static String key(BigDecimal value, DenominationForm form, String currency) {
        return Money.round(value, Currency.getInstance(currency)).toPlainString() + "-" + form.name();
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    public void countCash() {
        List<CashCountLine> lines = countRows.stream().filter(r -> r.pieces != null && r.pieces != 0)
                .map(r -> new CashCountLine(r.value, r.form, r.pieces)).toList();
        if (FacesActions.succeeded(() -> closures.countCash(id, closure.version(), lines))) {
            refresh();
            FacesActions.info(Texts.get("reconciliation.count.saved", fmt.amount(lastCount.total()),
                    fmt.amount(lastCount.difference())));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void close() {
        if (FacesActions.succeeded(() -> closures.close(id, closure.version(), notes))) {
            refresh();
            FacesActions.info(Texts.get("reconciliation.closed", closure.locationCode(), fmt.date(closure.businessDate())));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.APPROVE)
    public void reopen() {
        if (FacesActions.succeeded(() -> closures.reopen(id, closure.version(), reopenReason))) {
            reopenReason = null;
            refresh();
            FacesActions.info(Texts.get("reconciliation.reopened", closure.locationCode(), fmt.date(closure.businessDate())));
        }
    }

    public void startResolve(long discrepancyId, long version) {
        resolvingId = discrepancyId;
        resolvingVersion = version;
        resolution = null;
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void resolve() {
        if (FacesActions.succeeded(() -> closures.resolve(resolvingId, resolvingVersion, resolution))) {
            resolvingId = null;
            refresh();
            FacesActions.info(Texts.get("reconciliation.resolved"));
        }
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EXPORT)
    public StreamedContent getPdf() {
        return download(ClosureReportPdf::render, ClosuresResource.PDF, "pdf");
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EXPORT)
    public StreamedContent getXlsx() {
        return download(ClosureReportXlsx::render, TableExport.XLSX, "xlsx");
    }

    /** The report in the reader's language (the page's). */
    private StreamedContent download(java.util.function.BiFunction<io.cuadra.reconciliation.domain.closure.ClosureReport, String,
            byte[]> render, String type, String extension) {
        String language = Texts.locale().getLanguage();
        return DefaultStreamedContent.builder().contentType(type)
                .name("cierre-" + closure.locationCode() + "-" + closure.businessDate() + "." + extension)
                .stream(() -> new ByteArrayInputStream(render.apply(closures.report(id), language))).build();
    }

    /** The sheet's total as typed so far, shown live next to the expected cash. */
    public BigDecimal getTypedTotal() {
        return countRows.stream().filter(r -> r.pieces != null)
                .map(r -> r.value.multiply(BigDecimal.valueOf(r.pieces))).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(closure == null ? Money.SCALE : Money.digits(Currency.getInstance(closure.currency())),
                        Money.ROUNDING);
    }

    /** What the sheet typed so far differs from the expected cash (negative: short), shown live. */
    public BigDecimal getTypedDifference() {
        BigDecimal expected = closure == null || closure.expectedCash() == null ? BigDecimal.ZERO : closure.expectedCash();
        return getTypedTotal().subtract(expected);
    }

    public boolean isClosed() {
        return closure != null && "CLOSED".equals(closure.status());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ClosureView getClosure() {
        return closure;
    }

    public CashCountView getLastCount() {
        return lastCount;
    }

    public List<DiscrepancyView> getDiscrepancies() {
        return discrepancies;
    }

    public List<CountRow> getCountRows() {
        return countRows;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public void setReopenReason(String reopenReason) {
        this.reopenReason = reopenReason;
    }

    public Long getResolvingId() {
        return resolvingId;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }
}
