package io.cuadra.inventory.domain;

/** Why goods were written off (mermas). */
public enum WastageReason {
    EXPIRED, DAMAGED, LOST, THEFT, OTHER
}
