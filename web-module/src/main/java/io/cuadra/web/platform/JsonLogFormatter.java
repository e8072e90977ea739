package io.cuadra.web.platform;

import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.json.stream.JsonGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code ts, level, logger, message, thread, requestId, tenant, user}, the stack trace as
 * {@code error} when there is one, and for a finished request {@code method, path, status, durationMs}. The
 * context (request id, tenant, user) is the one of the thread that logs: JUL formats in the caller's thread.
 */
public class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JsonProviders.JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("ts", Instant.ofEpochMilli(record.getMillis()).toString())
                    .write("level", record.getLevel().getName())
                    .write("logger", String.valueOf(record.getLoggerName()))
                    .write("message", String.valueOf(formatMessage(record)))
                    .write("thread", Thread.currentThread().getName());
            if (record instanceof RequestRecord r) {
                writeContext(json, Optional.of(r.requestId), Optional.ofNullable(r.tenantId), Optional.ofNullable(r.userId));
                json.write("method", r.method).write("path", r.path).write("status", r.status)
                        .write("durationMs", BigDecimal.valueOf(r.durationMicros).movePointLeft(3)
                                .setScale(1, RoundingMode.HALF_UP));
            } else {
                Optional<Actor> actor = TenantContext.current();
                writeContext(json, RequestId.current(), actor.map(Actor::tenantId), actor.map(Actor::userId));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.write("error", trace.toString());
            }
            json.writeEnd();
        }
        return out.append('\n').toString();
    }

    private static void writeContext(JsonGenerator json, Optional<String> requestId, Optional<Long> tenant,
                                     Optional<Long> user) {
        requestId.ifPresentOrElse(id -> json.write("requestId", id), () -> json.writeNull("requestId"));
        tenant.ifPresentOrElse(t -> json.write("tenant", t), () -> json.writeNull("tenant"));
        user.ifPresentOrElse(u -> json.write("user", u), () -> json.writeNull("user"));
    }
}
