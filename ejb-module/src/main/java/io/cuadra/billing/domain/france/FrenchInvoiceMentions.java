package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The mentions French law requires on an invoice, worded in French and grouped the way a printed invoice
 * shows them: heading, seller, buyer, references and payment. Amounts are written "1 234,56 €".
 */
public record FrenchInvoiceMentions(String heading, List<String> seller, List<String> buyer, List<String> references,
                                    List<String> payment) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public FrenchInvoiceMentions {
        seller = List.copyOf(seller);
        buyer = List.copyOf(buyer);
        references = List.copyOf(references);
        payment = List.copyOf(payment);
    }

    public static FrenchInvoiceMentions of(FrenchInvoice invoice) {
        FrenchSeller s = invoice.seller();
        List<String> seller = List.of(
                s.legalName(),
                s.legalForm() + " au capital de " + euros(s.shareCapital()),
                s.address(),
                "SIREN " + s.siren() + " - RCS " + s.rcsCity(),
                "SIRET " + s.siret(),
                "N° TVA intracommunautaire : " + s.vatNumber());

        FrenchBuyer b = invoice.buyer();
        List<String> buyer = new ArrayList<>(List.of(b.name(), b.address()));
        if (b.siren() != null) {
            buyer.add("SIREN " + b.siren());
        }
        if (b.vatNumber() != null) {
            buyer.add("N° TVA intracommunautaire : " + b.vatNumber());
        }
        if (b.deliveryAddress() != null) {
            buyer.add("Adresse de livraison : " + b.deliveryAddress());
        }

        List<String> references = new ArrayList<>();
        references.add("Date d'émission : " + date(invoice.issueDate()));
        references.add("Date de la vente ou de la prestation : " + date(invoice.saleDate()));
        references.add("Catégorie de l'opération : " + invoice.category().label());
        if (invoice.correctedInvoice() != null) {
            references.add("Avoir sur la facture n° " + invoice.correctedInvoice().formatted() + " du "
                    + date(invoice.correctedInvoiceDate()));
        }
        if (invoice.vatExemptionMention() != null) {
            references.add(invoice.vatExemptionMention());
        }

        List<String> payment = new ArrayList<>();
        payment.add("Date d'échéance : " + date(invoice.paymentDueDate()));
        payment.add("Conditions de paiement : " + invoice.paymentTerms());
        payment.add("Pas d'escompte pour paiement anticipé.");
        payment.add("En cas de retard de paiement, des pénalités sont exigibles dès le lendemain de la date"
                + " d'échéance, au taux de refinancement de la BCE majoré de 10 points.");
        if (b.business()) {
            payment.add("Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €"
                    + " (art. L441-10 et D441-5 du Code de commerce).");
        }
        String heading = invoice.kind().printedTitle() + " N° " + invoice.number().formatted();
        return new FrenchInvoiceMentions(heading, seller, buyer, references, payment);
    }

    /** "1 234,56 €": French grouping with a plain space, which every PDF font can print. */
    public static String euros(Money amount) {
        BigDecimal value = amount.amount();
        String digits = value.abs().toPlainString();
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String decimals = dot < 0 ? "00" : digits.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(integer.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + grouped + "," + decimals + " €";
    }

    /** "20 %", "5,5 %". */
    public static String rate(BigDecimal rate) {
        return rate.toPlainString().replace('.', ',') + " %";
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }
}
