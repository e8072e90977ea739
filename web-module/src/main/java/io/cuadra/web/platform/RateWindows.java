package io.cuadra.web.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per caller (a token or, for anonymous calls, an address). A window
 * opens with a caller's first request and lasts {@code windowSeconds}; within it at most {@code limit}
 * requests pass. Kept in this server's memory: each server of a cluster counts its own share.
 */
public final class RateWindows {

    /** Beyond this many callers, windows that have ended are dropped before a new one is opened. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateWindows(int limit, int windowSeconds) {
        if (limit < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("A rate limit needs at least 1 request in at least 1 second");
        }
        this.limit = limit;
        this.windowMillis = windowSeconds * 1000L;
    }

    /** What the caller's request gets: pass or not, and the figures the RateLimit headers carry. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long windowSeconds) {

        public String header() {
            return "limit=" + limit + ", remaining=" + remaining + ", reset=" + resetSeconds;
        }

        public String policy() {
            return limit + ";w=" + windowSeconds;
        }
    }

    public Decision take(String caller, long nowMillis) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.endsAt <= nowMillis);
        }
        Window w = windows.compute(caller, (k, old) -> old == null || old.endsAt <= nowMillis
                ? new Window(nowMillis + windowMillis, 1) : new Window(old.endsAt, old.used + 1));
        long reset = Math.max(1, (w.endsAt - nowMillis + 999) / 1000);
        return new Decision(w.used <= limit, limit, Math.max(0, limit - w.used), reset, windowMillis / 1000);
    }

    private record Window(long endsAt, int used) {
    }
}
