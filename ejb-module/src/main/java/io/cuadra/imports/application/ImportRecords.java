package io.cuadra.imports.application;

import io.cuadra.imports.domain.Import;
import io.cuadra.imports.domain.ImportFile;
import io.cuadra.imports.domain.ImportKind;
import io.cuadra.imports.domain.ImportRejection;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The stored side of imports, each call one transaction (or the job chunk's, when the job calls):
 * the upload, its file, the job's progress and the rejected rows.
 */
@Stateless
public class ImportRecords {

    /** Looked up once: {@code Json.createArrayBuilder()} looks the provider up on every call (a class path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Import register(Import upload, byte[] content) {
        em.persist(upload);
        em.flush();
        em.persist(new ImportFile(upload.getId(), content));
        em.flush();
        return upload;
    }

    public Import find(long id) {
        Import found = em.find(Import.class, id);
        if (found == null) {
            throw new NotFound("No import " + id + ".").withKey("imports.import", id);
        }
        return found;
    }

    public Page<Import> list(Set<ImportKind> kinds, int page, int size) {
        List<Import> items = em.createQuery("select i from Import i where i.kind in :kinds "
                        + "order by i.createdAt desc, i.id desc", Import.class)
                .setParameter("kinds", kinds).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(i) from Import i where i.kind in :kinds", Long.class)
                .setParameter("kinds", kinds).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    public byte[] content(long importId) {
        return em.createQuery("select f.content from ImportFile f where f.importId = :id", byte[].class)
                .setParameter("id", importId).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Import " + importId + " has no file"));
    }

    /** The batch runtime accepted a job execution for the import (it may already be running). */
    public void executionRequested(long importId, long executionId) {
        em.createQuery("update Import i set i.executionId = :e where i.id = :id")
                .setParameter("e", executionId).setParameter("id", importId).executeUpdate();
    }

    /** A job execution of the import began (the first, or a restart): told by the job itself. */
    public void executionStarted(long importId, long executionId) {
        em.createQuery("update Import i set i.executionId = :e, i.endedAt = null, i.failure = null where i.id = :id")
                .setParameter("e", executionId).setParameter("id", importId).executeUpdate();
        em.createQuery("update Import i set i.startedAt = :now where i.id = :id and i.startedAt is null")
                .setParameter("now", now()).setParameter("id", importId).executeUpdate();
    }

    /** The job execution is over; {@code failure} says why it stopped early, null when it did not. */
    public void executionEnded(long importId, String failure) {
        em.createQuery("update Import i set i.endedAt = :now, i.failure = :f where i.id = :id")
                .setParameter("now", now()).setParameter("f", failure).setParameter("id", importId).executeUpdate();
    }

    /** Counts rows a chunk wrote, in the chunk's transaction. */
    public void written(long importId, int rows) {
        em.createQuery("update Import i set i.written = i.written + :n where i.id = :id")
                .setParameter("n", rows).setParameter("id", importId).executeUpdate();
    }

    /** Records a rejected row, in the chunk's transaction (rolled back with it if the chunk fails). */
    public void rejected(long importId, int row, String reason, List<String> cells) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        cells.forEach(c -> json.add(c == null ? "" : c));
        em.persist(new ImportRejection(importId, row, reason, json.build().toString()));
        em.createQuery("update Import i set i.rejected = i.rejected + 1 where i.id = :id")
                .setParameter("id", importId).executeUpdate();
    }

    /** The rejected rows after a row number, in row order. */
    public List<ImportRejection> rejections(long importId, int afterRow, int size) {
        return em.createQuery("select r from ImportRejection r where r.importId = :id and r.rowNumber > :after "
                        + "order by r.rowNumber", ImportRejection.class)
                .setParameter("id", importId).setParameter("after", afterRow).setMaxResults(size).getResultList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
