package io.cuadra.lab.domain;

/** What a sync log row carries: a new order (ORC-1 NW), its cancellation (ORC-1 CA), or results received. */
public enum SyncKind {
    NEW, CANCEL, RESULT
}
