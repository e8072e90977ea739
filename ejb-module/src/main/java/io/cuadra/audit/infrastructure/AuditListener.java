package io.cuadra.audit.infrastructure;

import io.cuadra.audit.domain.AuditEvent;
import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantRoot;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Id;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.queries.WriteObjectQuery;
import org.eclipse.persistence.sessions.changesets.ChangeRecord;
import org.eclipse.persistence.sessions.changesets.DirectToFieldChangeRecord;
import org.eclipse.persistence.sessions.changesets.ObjectChangeSet;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns every insert, update and delete of an audited entity into an audit line with the changed
 * fields before and after, written at the end of the flush that writes the change, through its connection.
 * Registered on the entity descriptors by {@link AuditSessionCustomizer}: no service has to remember to audit.
 */
public class AuditListener extends DescriptorEventAdapter {

    /** Bookkeeping every row has; recording it would only repeat the audit line's own who/when. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "tenantId");
    private static final Map<String, Boolean> SKIPPED = new ConcurrentHashMap<>();
    /** Looked up once: {@code Json.createValue} and the like look the provider up on every call (a class path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<Class<?>, Optional<Field>> ID_FIELDS = new ConcurrentHashMap<>();
    /**
     * The mappings an insert or delete records, per descriptor: worked out once rather than for every field of
     * every row (a bulk import inserts 100,000 rows of some 25 fields).
     */
    private static final Map<ClassDescriptor, List<DatabaseMapping>> RECORDED = new ConcurrentHashMap<>();

    @Override
    public void postInsert(DescriptorEvent event) {
        record(event, "created", afterImage(event.getDescriptor(), event.getSource()));
    }

    /** What a "created" line records: every recorded field of the new row, as {"field": {"after": value}}. */
    public static JsonObject afterImage(ClassDescriptor descriptor, Object source) {
        JsonObjectBuilder changes = JSON.createObjectBuilder();
        for (DatabaseMapping m : recordedMappings(descriptor)) {
            Object value = m.getAttributeValueFromObject(source);
            changes.add(m.getAttributeName(), JSON.createObjectBuilder().add("after", json(value)));
        }
        return changes.build();
    }

    @Override
    public void postUpdate(DescriptorEvent event) {
        ObjectChangeSet changeSet = (ObjectChangeSet) event.getChangeSet();
        if (changeSet == null && event.getQuery() instanceof WriteObjectQuery write) {
            changeSet = write.getObjectChangeSet();
        }
        if (changeSet == null) {
            throw new IllegalStateException("No change set for an update of "
                    + event.getSource().getClass().getSimpleName() + ": it cannot be audited");
        }
        Object source = event.getSource();
        JsonObjectBuilder changes = JSON.createObjectBuilder();
        int count = 0;
        for (ChangeRecord change : changeSet.getChanges()) {
            String attribute = change.getAttribute();
            if (!recorded(source.getClass(), attribute)) {
                continue;
            }
            JsonObjectBuilder pair = JSON.createObjectBuilder();
            if (change instanceof DirectToFieldChangeRecord direct) {
                pair.add("before", json(direct.getOldValue())).add("after", json(direct.getNewValue()));
            } else {
                DatabaseMapping m = event.getDescriptor().getMappingForAttributeName(attribute);
                pair.add("after", json(m.getAttributeValueFromObject(source)));
            }
            changes.add(attribute, pair);
            count++;
        }
        if (count > 0) {
            record(event, "updated", changes.build());
        }
    }

    @Override
    public void postDelete(DescriptorEvent event) {
        JsonObjectBuilder changes = JSON.createObjectBuilder();
        Object source = event.getSource();
        for (DatabaseMapping m : recordedMappings(event.getDescriptor())) {
            changes.add(m.getAttributeName(), JSON.createObjectBuilder()
                    .add("before", json(m.getAttributeValueFromObject(source))));
        }
        record(event, "deleted", changes.build());
    }

    private static void record(DescriptorEvent event, String verb, JsonObject changes) {
        Object source = event.getSource();
        Object id = event.getDescriptor().getObjectBuilder().extractPrimaryKeyFromObject(source, event.getSession());
        AuditBuffer buffer = AuditBuffer.current();
        // A change EclipseLink finds only in the flush at commit, after the service returned and its actor
        // left the thread, belongs to the actor of the transaction's earlier changes.
        Actor actor = TenantContext.current().orElseGet(buffer::actor);
        buffer.add(event(source, id, verb, changes, actor), actor);
    }

    /** The line of one change to {@code source}, by the actor in {@link TenantContext}. */
    public static AuditEvent event(Object source, Object id, String verb, JsonObject changes) {
        return event(source, id, verb, changes, TenantContext.current().orElse(null));
    }

    private static AuditEvent event(Object source, Object id, String verb, JsonObject changes, Actor actor) {
        if (actor == null) {
            throw new IllegalStateException("A change to " + source.getClass().getSimpleName() + " has no actor to audit");
        }
        long tenant = source instanceof TenantRoot t ? t.getId() : actor.tenantId();
        String type = source.getClass().getSimpleName();
        return new AuditEvent(tenant, Instant.now(), actor.userId(), actor.name(), lowerFirst(type) + "." + verb, type,
                String.valueOf(id), changes.toString(), actor.ip(), actor.userAgent());
    }

    private static List<DatabaseMapping> recordedMappings(ClassDescriptor descriptor) {
        return RECORDED.computeIfAbsent(descriptor, d -> d.getMappings().stream()
                .filter(m -> recorded(d.getJavaClass(), m.getAttributeName())).toList());
    }

    static boolean recorded(Class<?> type, String attribute) {
        if (BOOKKEEPING.contains(attribute)) {
            return false;
        }
        return !SKIPPED.computeIfAbsent(type.getName() + "#" + attribute, k -> isNotAudited(type, attribute));
    }

    private static boolean isNotAudited(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(attribute);
                return f.isAnnotationPresent(NotAudited.class);
            } catch (NoSuchFieldException ignored) {
                // declared higher up
            }
        }
        return false;
    }

    /** Plain values as JSON; entities by id; collections as arrays; binary data only by size. */
    static jakarta.json.JsonValue json(Object value) {
        if (value == null) {
            return jakarta.json.JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d.toPlainString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof byte[] bytes) {
            return JSON.createValue(bytes.length + " bytes");
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.stream().map(AuditListener::json).map(Object::toString).sorted()
                    .forEach(s -> array.add(s.startsWith("\"") ? s.substring(1, s.length() - 1) : s));
            return array.build();
        }
        Object id = entityId(value);
        if (id != null) {
            return JSON.createValue(String.valueOf(id));
        }
        return JSON.createValue(String.valueOf(value));
    }

    private static Object entityId(Object value) {
        Field id = ID_FIELDS.computeIfAbsent(value.getClass(), AuditListener::idField).orElse(null);
        if (id == null) {
            return null;
        }
        try {
            return id.get(value);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** The @Id field of an entity class, none for a plain value (a String, an enum...); looked up once per class. */
    private static Optional<Field> idField(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class)) {
                    try {
                        f.setAccessible(true);
                        return Optional.of(f);
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static boolean audits(ClassDescriptor descriptor) {
        Class<?> type = descriptor.getJavaClass();
        return TenantRoot.class.isAssignableFrom(type) || io.cuadra.shared.tenancy.TenantEntity.class.isAssignableFrom(type);
    }
}
