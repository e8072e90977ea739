package io.cuadra.web.platform;

import jakarta.ws.rs.core.Response;

/**
 * A file answered by the API, one way for every resource: its media type and a {@code Content-Disposition} naming
 * it — {@code attachment} for exports to save, {@code inline} for documents a browser may show (invoice PDFs).
 */
public final class FileResponses {

    private FileResponses() {
    }

    public static Response.ResponseBuilder attachment(Object body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    public static Response.ResponseBuilder inline(Object body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "inline; filename=\"" + name + "\"");
    }
}
