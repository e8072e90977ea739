package io.cuadra.web.inventory;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How lists say when a lot expires: "vence en 12 días", "vence hoy", "vencido hace 674 días", never a
 * negative count of days. Today is the tenant's day (its time zone), read once per request.
 */
@Named
@RequestScoped
public class ExpiryWords {

    @EJB
    CompanyService companies;

    private LocalDate today;

    /** The words for a lot {@code daysLeft} days from expiring (negative: expired that many days ago). */
    public String of(long daysLeft) {
        Wording w = wording(daysLeft);
        return Texts.get(w.key(), w.days());
    }

    /** The words for a lot expiring on {@code expiresOn}; empty when it has no date. */
    public String until(LocalDate expiresOn) {
        if (expiresOn == null) {
            return "";
        }
        if (today == null) {
            today = LocalDate.now(companies.current().zone());
        }
        return of(ChronoUnit.DAYS.between(today, expiresOn));
    }

    /** Which sentence and the (never negative) number of days it says. */
    static Wording wording(long daysLeft) {
        if (daysLeft < 0) {
            return new Wording("expiry.expiredAgo", -daysLeft);
        }
        return daysLeft == 0 ? new Wording("expiry.today", 0) : new Wording("expiry.in", daysLeft);
    }

    record Wording(String key, long days) {
    }
}
