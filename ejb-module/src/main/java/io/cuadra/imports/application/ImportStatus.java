package io.cuadra.imports.application;

import io.cuadra.imports.domain.Import;

import java.time.Instant;

/**
 * An import as someone following it sees it: the stored counts (kept across restarts) and the batch
 * runtime's word on its latest execution ({@code NOT_STARTED} before the first one).
 *
 * @param startedAt when the first execution began
 * @param endedAt   when the latest execution ended; null while it runs
 */
public record ImportStatus(Import upload, String status, Instant startedAt, Instant endedAt) {

    /** Whether the job has nothing more to do unless someone restarts it. */
    public boolean isOver() {
        return switch (status) {
            case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
            default -> false;
        };
    }

    public boolean isRestartable() {
        return status.equals("FAILED") || status.equals("STOPPED") || status.equals("NOT_STARTED");
    }
}
