package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.Category;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as the API and the pages read it, built in the service's transaction. */
@Schema(name = "Category")
public record CategoryView(long id, String code, String name, String description, boolean active, long version) implements java.io.Serializable {
    public static CategoryView of(Category c) {
        return new CategoryView(c.getId(), c.getCode(), c.getName(), c.getDescription(), c.isActive(),
                c.getVersion());
    }
}
