package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small helpers over a DOM document so the section writers read like the UBL they produce. */
final class UblTree {

    private final Document document;

    UblTree(Document document) {
        this.document = document;
    }

    Document document() {
        return document;
    }

    Element cac(Element parent, String name) {
        Element e = document.createElementNS(UblNames.CAC, "cac:" + name);
        parent.appendChild(e);
        return e;
    }

    /** A basic component with text and attribute name/value pairs. */
    Element cbc(Element parent, String name, String text, String... attributes) {
        Element e = document.createElementNS(UblNames.CBC, "cbc:" + name);
        for (int i = 0; i < attributes.length; i += 2) {
            e.setAttribute(attributes[i], attributes[i + 1]);
        }
        e.setTextContent(text);
        parent.appendChild(e);
        return e;
    }

    Element amount(Element parent, String name, Money money) {
        return cbc(parent, name, money.amount().toPlainString(), "currencyID", money.currency().getCurrencyCode());
    }

    /** Unit prices keep up to 10 decimals but never fewer than 2: "8.4745762712", "10.00". */
    Element unitAmount(Element parent, String name, BigDecimal value, String currency) {
        return cbc(parent, name, unitDecimal(value), "currencyID", currency);
    }

    static String unitDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }

    /** Quantities and rates without padding: "2", "1.25", "18". */
    static String plainDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
