package io.cuadra.inventory.domain;

/** OPEN (lines are entered) → CONFIRMING (the job is applying it) → CONFIRMED; or CANCELLED while open. */
public enum StockCountStatus {
    OPEN, CONFIRMING, CONFIRMED, CANCELLED
}
