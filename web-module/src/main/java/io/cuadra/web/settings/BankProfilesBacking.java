package io.cuadra.web.settings;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.BankStatementService;
import io.cuadra.reconciliation.domain.bank.BankLayout;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * Settings page for how each bank lays out its statement export (the columns the import reads):
 * list, create, edit. Columns count from 0; either one signed amount column or a credit and a debit one.
 */
@Named
@ViewScoped
public class BankProfilesBacking extends SettingsEditor {

    private static final long serialVersionUID = 1L;

    @EJB
    BankStatementService statements;

    private List<BankLayout.Mapping> rows;
    private List<Long> ids;
    private List<String> codes;
    private String currency;
    private String csvSeparator;
    private int headerRows;
    private int dateColumn;
    private String datePattern;
    private Integer amountColumn;
    private Integer creditColumn;
    private Integer debitColumn;
    private String decimalSeparator;
    private String thousandsSeparator;
    private int descriptionColumn;
    private Integer referenceColumn;
    private Integer counterpartyColumn;

    @Override
    protected void reload() {
        List<BankLayout> all = statements.profiles();
        rows = all.stream().map(BankLayout::mapping).toList();
        ids = all.stream().map(BankLayout::getId).toList();
        codes = all.stream().map(BankLayout::getCode).toList();
    }

    @Override
    public void startNew() {
        id = null;
        code = null;
        fill(new BankLayout.Mapping(null, "PEN", ",", 1, 0, "dd/MM/yyyy", 2, null, null, ".", null, 1, null, null));
    }

    public void edit(int row) {
        BankLayout p = statements.profile(ids.get(row));
        id = p.getId();
        version = p.getVersion();
        code = p.getCode();
        fill(p.mapping());
    }

    private void fill(BankLayout.Mapping m) {
        name = m.name();
        currency = m.currency();
        csvSeparator = m.csvSeparator();
        headerRows = m.headerRows();
        dateColumn = m.dateColumn();
        datePattern = m.datePattern();
        amountColumn = m.amountColumn();
        creditColumn = m.creditColumn();
        debitColumn = m.debitColumn();
        decimalSeparator = m.decimalSeparator();
        thousandsSeparator = m.thousandsSeparator();
        descriptionColumn = m.descriptionColumn();
        referenceColumn = m.referenceColumn();
        counterpartyColumn = m.counterpartyColumn();
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    public void save() {
        BankLayout.Mapping m = new BankLayout.Mapping(name, currency, csvSeparator, headerRows, dateColumn,
                datePattern, amountColumn, creditColumn, debitColumn, decimalSeparator, thousandsSeparator,
                descriptionColumn, referenceColumn, counterpartyColumn);
        boolean done = id == null ? FacesActions.succeeded(() -> statements.createProfile(code == null ? "" : code, m))
                : FacesActions.succeeded(() -> statements.updateProfile(id, version, m));
        saved(done);
    }

    public List<BankLayout.Mapping> getRows() {
        return rows;
    }

    public String codeOf(int row) {
        return codes.get(row);
    }



    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getCsvSeparator() {
        return csvSeparator;
    }

    public void setCsvSeparator(String csvSeparator) {
        this.csvSeparator = csvSeparator;
    }

    public int getHeaderRows() {
        return headerRows;
    }

    public void setHeaderRows(int headerRows) {
        this.headerRows = headerRows;
    }

    public int getDateColumn() {
        return dateColumn;
    }

    public void setDateColumn(int dateColumn) {
        this.dateColumn = dateColumn;
    }

    public String getDatePattern() {
        return datePattern;
    }

    public void setDatePattern(String datePattern) {
        this.datePattern = datePattern;
    }

    public Integer getAmountColumn() {
        return amountColumn;
    }

    public void setAmountColumn(Integer amountColumn) {
        this.amountColumn = amountColumn;
    }

    public Integer getCreditColumn() {
        return creditColumn;
    }

    public void setCreditColumn(Integer creditColumn) {
        this.creditColumn = creditColumn;
    }

    public Integer getDebitColumn() {
        return debitColumn;
    }

    public void setDebitColumn(Integer debitColumn) {
        this.debitColumn = debitColumn;
    }

    public String getDecimalSeparator() {
        return decimalSeparator;
    }

    public void setDecimalSeparator(String decimalSeparator) {
        this.decimalSeparator = decimalSeparator;
    }

    public String getThousandsSeparator() {
        return thousandsSeparator;
    }

    public void setThousandsSeparator(String thousandsSeparator) {
        this.thousandsSeparator = thousandsSeparator;
    }

    public int getDescriptionColumn() {
        return descriptionColumn;
    }

    public void setDescriptionColumn(int descriptionColumn) {
        this.descriptionColumn = descriptionColumn;
    }

    public Integer getReferenceColumn() {
        return referenceColumn;
    }

    public void setReferenceColumn(Integer referenceColumn) {
        this.referenceColumn = referenceColumn;
    }

    public Integer getCounterpartyColumn() {
        return counterpartyColumn;
    }

    public void setCounterpartyColumn(Integer counterpartyColumn) {
        this.counterpartyColumn = counterpartyColumn;
    }
}
