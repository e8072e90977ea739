package io.cuadra.shared.inbox;

/** One message an outside system pushed: who sent it ({@code source}), its id there, what it is about. */
public record InboxMessage(long id, String source, String messageId, String topic, String payload, boolean processed) {
}
