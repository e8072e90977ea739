package io.cuadra.web.platform;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractTest {

    public enum Colour { RED, GREEN }

    public record Thing(long id, LocalDate day, Instant changedAt, Colour colour, List<Part> parts) {
    }

    public record Part(long partId, String name) {
    }

    @Path("things")
    public static class ThingsResource {
        @GET
        @Path("{id}")
        public Thing getThing(@PathParam("id") long id) {
            return null;
        }

        @PUT
        @Path("{id}")
        public Thing updateThing(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, Thing body) {
            return null;
        }
    }

    /** What Payara writes for those (trimmed): untyped dates, number ids, filler, inlined parts, only "default". */
    private static final String PAYARA = """
            {"openapi":"3.0.3","info":{"title":"T","version":"1.0"},"paths":{"/api/things/{id}":{
             "get":{"operationId":"getThing","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"number"}}],
                    "responses":{"default":{"description":"Default Response.","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
             "put":{"operationId":"updateThing","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"number"}},
                    {"name":"If-Match","in":"header","schema":{"type":"string"}}],
                    "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                    "responses":{"default":{"description":"Default Response.","content":{"application/json":{"schema":{"type":"object"}}}}}}}},
             "components":{"schemas":{
              "Thing":{"type":"object","maxProperties":0,"minLength":0,"properties":{"id":{"type":"number","exclusiveMaximum":false},
                 "day":{"type":"object"},"changedAt":{"type":"object"},"colour":{"type":"string"},
                 "parts":{"type":"array","items":{"type":"object","properties":{"partId":{"type":"number"},"name":{"type":"string"}}}}}},
              "Unused":{"type":"object","properties":{"x":{"type":"string"}}}}}}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rewritten() {
        Map<String, Object> doc = (Map<String, Object>) JsonTree.of(Json.createReader(new StringReader(PAYARA)).readObject());
        return OpenApiContract.apply(doc, List.of(ThingsResource.class));
    }

    @Test
    void typesPropertiesFromTheJavaTheyAreWrittenFrom() {
        String json = JsonTree.toJson(rewritten()).toString();
        var thing = Json.createReader(new StringReader(json)).readObject()
                .getJsonObject("components").getJsonObject("schemas").getJsonObject("Thing");
        var p = thing.getJsonObject("properties");
        assertThat(p.getJsonObject("id").getString("format")).isEqualTo("int64");
        assertThat(p.getJsonObject("day").getString("format")).isEqualTo("date");
        assertThat(p.getJsonObject("changedAt").getString("format")).isEqualTo("date-time");
        assertThat(p.getJsonObject("colour").getJsonArray("enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
        assertThat(p.getJsonObject("parts").getJsonObject("items").getString("$ref")).isEqualTo("#/components/schemas/Part");
        assertThat(thing.getJsonArray("required").toString()).isEqualTo("[\"id\"]");
        assertThat(json).doesNotContain("maxProperties").doesNotContain("exclusiveMaximum").doesNotContain("minLength");
        assertThat(json).doesNotContain("\"Unused\"");
    }

    @Test
    void declaresStatusesErrorsAndHeadersTheOperationCanAnswer() {
        var doc = Json.createReader(new StringReader(JsonTree.toJson(rewritten()).toString())).readObject();
        var put = doc.getJsonObject("paths").getJsonObject("/api/things/{id}").getJsonObject("put");
        var responses = put.getJsonObject("responses");
        assertThat(responses.keySet()).contains("200", "400", "401", "404", "412", "428", "429").doesNotContain("default");
        assertThat(responses.getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref")).isEqualTo("#/components/schemas/Thing");
        assertThat(responses.getJsonObject("200").getJsonObject("headers").keySet()).contains("ETag", "RateLimit");
        var ifMatch = put.getJsonArray("parameters").getJsonObject(1);
        assertThat(ifMatch.getBoolean("required")).isTrue();
        assertThat(put.getJsonArray("parameters").getJsonObject(0).getJsonObject("schema").getString("type"))
                .isEqualTo("integer");
        assertThat(doc.getJsonObject("info").getString("version")).isEqualTo(OpenApiContract.VERSION);
        assertThat(doc.getJsonArray("security")).hasSize(1);
        // The GET of a resource changed with If-Match sends its ETag.
        assertThat(doc.getJsonObject("paths").getJsonObject("/api/things/{id}").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("headers").keySet()).contains("ETag");
    }

    @Test
    void yamlAndJsonSayTheSame() {
        Map<String, Object> doc = rewritten();
        String yaml = JsonTree.yaml(doc);
        assertThat(yaml).contains("openapi: 3.0.3").contains("version: " + OpenApiContract.VERSION).contains("          format: int64")
                .contains("\"$ref\": \"#/components/schemas/Part\"").doesNotContain("maxProperties");
    }

    /** The changelog in the document and docs/api-changelog.md say the same, and the newest entry is the version. */
    @Test
    void theChangelogInDocsIsTheOneTheDocumentServes() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "api-changelog.md"));
        List<String> served = List.of(OpenApiContract.CHANGELOG.strip().split("\n")).stream()
                .filter(l -> l.startsWith("- ")).toList();
        List<String> kept = docs.lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(served).isEqualTo(kept);
        assertThat(kept.get(0)).startsWith("- " + OpenApiContract.VERSION + " (");
    }
}
