package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The dedupe key of a statement transaction: SHA-256 over account, date, amount, description,
 * reference, counterparty and the occurrence number among identical movements of that day.
 *
 * <p>Content alone cannot tell a re-imported deposit from a second, genuinely identical deposit
 * (two customers each transferring 50.00 with the same bank text on the same day). The occurrence
 * number can: a re-import or an overlapping period lists the same day with the same twins, so the
 * first twin gets 1 and the second 2 in every file, and both survive once each. This holds as long
 * as a statement contains every movement of each day it covers, or at least a day's earliest ones.
 */
public final class StatementFingerprint {

    private static final String VERSION = "v1";

    private StatementFingerprint() {
    }

    /** The identical-twin key: two rows with equal identity on the same day are told apart only by occurrence. */
    static String identity(LocalDate date, Money amount, String description, String reference, String counterparty) {
        return String.join("|", date.toString(), amount.amount().toPlainString(), amount.currency().getCurrencyCode(),
                normalise(description), normalise(reference), normalise(counterparty));
    }

    static String of(String accountId, String identity, int occurrence) {
        String canonical = VERSION + "|" + normalise(accountId) + "|" + identity + "|" + occurrence;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** Exports of one bank differ in spacing and case between downloads, not in content. */
    static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
