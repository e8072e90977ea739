package io.cuadra.imports.domain;

import io.cuadra.batch.tabular.Columns;
import io.cuadra.identity.domain.Module;

import java.util.List;

/**
 * What a file imports, the job that does it, the module whose "create" permission it needs, and the
 * columns its sheet may have. The columns are the export's, so an export edited in a spreadsheet can
 * be imported back; the export's read-only columns (ids, counters) are accepted and not read.
 */
public enum ImportKind {

    ITEMS("items-import", Module.CATALOG,
            List.of("type", "code", "barcode", "name", "description", "category", "unitCode", "price", "taxRate",
                    "taxPercent", "affectationCode", "trackLots", "trackExpiry", "criticalStock", "weightKg",
                    "lengthCm", "widthCm", "heightCm", "active", "kitComponents"),
            List.of("type", "code", "name", "price"),
            List.of("id")),

    CUSTOMERS("customers-import", Module.CUSTOMERS,
            List.of("documentType", "documentNumber", "firstName", "lastName", "businessName", "email", "phone",
                    "address", "district", "city", "region", "country", "preferredLanguage", "preferredChannel",
                    "contactOptOut", "notes", "active"),
            List.of("documentType", "documentNumber"),
            List.of("id", "name", "visitCount", "recurrent"));

    private final String jobName;
    private final Module module;
    private final List<String> columns;
    private final List<String> required;
    private final List<String> ignored;

    ImportKind(String jobName, Module module, List<String> columns, List<String> required, List<String> ignored) {
        this.jobName = jobName;
        this.module = module;
        this.columns = columns;
        this.required = required;
        this.ignored = ignored;
    }

    /** The job XML in META-INF/batch-jobs. */
    public String jobName() {
        return jobName;
    }

    public Module module() {
        return module;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> required() {
        return required;
    }

    /** Reads a header row; refuses unknown, repeated or missing columns with a sentence naming them. */
    public Columns columnsOf(List<String> header) {
        return Columns.of(header, columns, required, ignored);
    }
}
