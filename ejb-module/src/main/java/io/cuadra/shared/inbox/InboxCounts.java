package io.cuadra.shared.inbox;

/** Messages stored from one source, and how many of them were handled. */
public record InboxCounts(long received, long processed) implements java.io.Serializable {
}
