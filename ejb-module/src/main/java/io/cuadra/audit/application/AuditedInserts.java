package io.cuadra.audit.application;



import io.cuadra.audit.infrastructure.AuditWriter;
import io.cuadra.audit.infrastructure.AuditListener;
import io.cuadra.audit.domain.AuditEvent;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventManager;
import org.eclipse.persistence.descriptors.TimestampLockingPolicy;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping.WriteType;
import org.eclipse.persistence.sessions.UnitOfWork;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inserts many new entities of one class with batched JDBC INSERTs and writes their "created" audit lines, both
 * through the connection EclipseLink holds in the current JTA transaction, so they commit or roll back with the
 * rest of it. For bulk loads (imports), where the unit of work — registering and cloning each object, change
 * sets, one insert query per object, the listener's event — cost several times what the rows themselves cost.
 *
 * <p>Nothing here restates an entity's mapping: each entity first goes through what {@code persist} does before
 * the SQL — its prePersist callbacks and listeners (the stamps; Bean Validation, when the unit validates), an id
 * from its sequence's preallocated pool, the initial version — then its columns are EclipseLink's own row for it
 * (mappings, converters, tenant discriminator), and its audit line is the listener's
 * ({@link AuditListener#afterImage}). The entities are not managed afterwards and do not enter the shared cache;
 * the caller must have checked them (uniqueness...).
 */
public final class AuditedInserts {

    private AuditedInserts() {
    }

    public static void insert(EntityManager em, List<?> entities) {
        if (entities.isEmpty()) {
            return;
        }
        AbstractSession session = (AbstractSession) em.unwrap(UnitOfWork.class);
        Class<?> type = entities.get(0).getClass();
        ClassDescriptor descriptor = session.getDescriptor(type);
        List<AbstractRecord> rows = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            if (entity.getClass() != type) {
                throw new IllegalArgumentException("One class per call: " + type.getName() + " and "
                        + entity.getClass().getName());
            }
            rows.add(prepare(descriptor, session, entity));
        }
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("Audited inserts need an active transaction");
        }
        List<DatabaseField> fields = rows.get(0).getFields();
        String sql = "insert into " + descriptor.getTableName() + " ("
                + fields.stream().map(DatabaseField::getName).collect(Collectors.joining(", ")) + ") values ("
                + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        // One statement batched: the driver (reWriteBatchedInserts) sends it as a few multi-row INSERTs.
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (AbstractRecord row : rows) {
                // By position: every row of a descriptor lists its fields in the same order (looking each field up
                // by name was a seventh of the job's time); by name should a row ever differ.
                List<DatabaseField> own = row.getFields();
                List<?> values = row.getValues();
                boolean aligned = own.size() == fields.size();
                for (int i = 0; i < fields.size(); i++) {
                    Object value = aligned && own.get(i) == fields.get(i) ? values.get(i) : row.get(fields.get(i));
                    if (value == null) {
                        insert.setNull(i + 1, Types.OTHER); // the column's own type, whatever it is
                    } else {
                        insert.setObject(i + 1, value);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new IllegalStateException("Could not insert " + entities.size() + " " + type.getSimpleName()
                    + " rows: " + cause.getMessage(), e);
        }
        List<AuditEvent> events = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            Object id = descriptor.getObjectBuilder().extractPrimaryKeyFromObject(entity, session);
            events.add(AuditListener.event(entity, id, "created", AuditListener.afterImage(descriptor, entity)));
        }
        AuditWriter.append(c, events);
    }

    /** What persist does to a new object before its INSERT, and the row EclipseLink would insert for it. */
    private static AbstractRecord prepare(ClassDescriptor descriptor, AbstractSession session, Object entity) {
        DescriptorEvent prePersist = new DescriptorEvent(entity);
        prePersist.setEventCode(DescriptorEventManager.PrePersistEvent);
        prePersist.setSession(session);
        prePersist.setDescriptor(descriptor);
        descriptor.getEventManager().executeEvent(prePersist);
        descriptor.getObjectBuilder().assignSequenceNumber(entity, session);
        if (descriptor.usesOptimisticLocking()) {
            if (!(descriptor.getOptimisticLockingPolicy() instanceof VersionLockingPolicy version)
                    || version instanceof TimestampLockingPolicy || version.getVersionMapping() == null) {
                throw new UnsupportedOperationException(descriptor.getJavaClass().getSimpleName()
                        + ": only a numeric @Version field is supported");
            }
            // EclipseLink's first version of a numeric @Version (VersionLockingPolicy's initial write value).
            version.getVersionMapping().setAttributeValueInObject(entity, 1L);
        }
        return descriptor.getObjectBuilder().buildRow(entity, session, WriteType.INSERT);
    }
}
