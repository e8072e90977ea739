package io.cuadra.web.settings;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.CardFeeRuleService;
import io.cuadra.orders.domain.TenantCardFeeRule;
import io.cuadra.web.orders.OrderViews.CardFeeRuleView;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Settings page for what card providers charge per payment (REST: /api/card-fee-rules). */
@Named
@ViewScoped
public class CardFeeRulesBacking extends SettingsEditor {

    private static final long serialVersionUID = 1L;

    @EJB
    CardFeeRuleService rules;

    private List<CardFeeRuleView> rows;
    private String provider;
    private BigDecimal percent;
    private BigDecimal fixedAmount;
    private String currency;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;

    @Override
    protected void reload() {
        rows = rules.list().stream().map(CardFeeRuleView::of).toList();
    }

    @Override
    public void startNew() {
        id = null;
        provider = null;
        percent = fixedAmount = null;
        currency = rows.isEmpty() ? null : rows.get(0).currency();
        effectiveFrom = LocalDate.now();
        effectiveTo = null;
    }

    public void edit(long ruleId) {
        TenantCardFeeRule r = rules.find(ruleId);
        id = r.getId();
        version = r.getVersion();
        provider = r.getProvider();
        percent = r.getPercent();
        fixedAmount = r.getFixedAmount();
        currency = r.getCurrency();
        effectiveFrom = r.getEffectiveFrom();
        effectiveTo = r.getEffectiveTo();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        boolean done = FacesActions.succeeded(() -> {
            var rule = TenantCardFeeRule.rule(provider, percent, fixedAmount, currency, effectiveFrom, effectiveTo);
            if (id == null) {
                rules.create(rule);
            } else {
                rules.update(id, version, rule);
            }
        });
        saved(done);
    }

    public List<CardFeeRuleView> getRows() {
        return rows;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public void setPercent(BigDecimal percent) {
        this.percent = percent;
    }

    public BigDecimal getFixedAmount() {
        return fixedAmount;
    }

    public void setFixedAmount(BigDecimal fixedAmount) {
        this.fixedAmount = fixedAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public void setEffectiveTo(LocalDate effectiveTo) {
        this.effectiveTo = effectiveTo;
    }
}
