package io.cuadra.notifications.application;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's provider settings as last opened (secrets decrypted, defaults filled in), kept with the stamp of the
 * row they were read from: the row's version and update time, which every save changes. A reader that finds the
 * row's current stamp in its own statement gets the opened settings without reading or decrypting them again; a
 * changed stamp (a save on this server or another) is a miss, so a change is never served stale.
 */
@jakarta.enterprise.context.ApplicationScoped
public class OpenedSettings {

    /** The stamp of a tenant without its own row: only the configured defaults, which change with a restart. */
    public static final String NO_ROW = "none";

    private record Opened(String stamp, ProviderSettings settings) {
    }

    private final Map<Long, Opened> byTenant = new ConcurrentHashMap<>();

    /** The stamp as selected by {@link #STAMP_SQL} (null when the tenant has no row). */
    public static String stamp(Object selected) {
        return selected == null ? NO_ROW : selected.toString();
    }

    /** The SQL expression of a settings row's stamp, the row aliased {@code s}. */
    public static final String STAMP_SQL = "(s.version::text || '@' || s.updated_at::text)";

    public Optional<ProviderSettings> get(long tenantId, String stamp) {
        Opened o = byTenant.get(tenantId);
        return o != null && o.stamp().equals(stamp) ? Optional.of(o.settings()) : Optional.empty();
    }

    public void put(long tenantId, String stamp, ProviderSettings settings) {
        byTenant.put(tenantId, new Opened(stamp, settings));
    }
}
