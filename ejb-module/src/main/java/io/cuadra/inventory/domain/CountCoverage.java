package io.cuadra.inventory.domain;

/** Whether a count sheet claims to cover every lot of the book it is compared with. */
public enum CountCoverage {
    /** Every lot on the book was looked for: a lot missing from the sheet was not found, so counts as zero. */
    COMPLETE,
    /** Only the lots on the sheet were counted: a lot missing from the sheet keeps its book quantity. */
    PARTIAL
}
