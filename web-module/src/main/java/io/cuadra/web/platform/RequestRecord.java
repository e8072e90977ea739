package io.cuadra.web.platform;

import java.util.logging.Level;
import java.util.logging.LogRecord;

/** The log event of one finished HTTP request: what {@link JsonLogFormatter} writes as method, path, status, duration. */
final class RequestRecord extends LogRecord {

    private static final long serialVersionUID = 1L;

    final String method;
    final String path;
    final int status;
    final long durationMicros;
    final String requestId;
    final Long tenantId;
    final Long userId;

    RequestRecord(String method, String path, int status, long durationMicros, String requestId, Long tenantId,
                  Long userId) {
        super(status >= 500 ? Level.WARNING : Level.INFO, method + " " + path + " " + status);
        this.method = method;
        this.path = path;
        this.status = status;
        this.durationMicros = durationMicros;
        this.requestId = requestId;
        this.tenantId = tenantId;
        this.userId = userId;
        setLoggerName(ApplicationLog.REQUEST_LOGGER);
    }
}
