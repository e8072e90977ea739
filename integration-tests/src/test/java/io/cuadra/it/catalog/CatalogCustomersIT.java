package io.cuadra.it.catalog;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog and customers against the deployed EAR: rules, price history, kits, documents, ETags, merge, search. */
@ExtendWith(ArquillianExtension.class)
class CatalogCustomersIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Http http = http();

    @Test
    void itemsAreCreatedReadEditedAndEveryRepriceLeavesAHistoryRow() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long igv = igv(admin);
        long category = admin.post("api/catalog/categories", "{\"code\":\"T" + SEQ.incrementAndGet()
                + "\",\"name\":\"Pruebas " + SEQ.get() + "\"}").json().getJsonNumber("id").longValue();

        Reply created = admin.post("api/catalog/items", item("PRODUCT", "IT-REA-" + SEQ.incrementAndGet(),
                "Reactivo de prueba", "NIU", "12.5", igv, category, ",\"trackLots\":true,\"trackExpiry\":true"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject item = created.json();
        long id = item.getJsonNumber("id").longValue();
        assertThat(item.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("12.50");
        assertThat(item.getString("categoryName")).startsWith("Pruebas");

        Reply read = admin.get("api/catalog/items/" + id);
        assertThat(read.status()).isEqualTo(200);
        String etag = read.header("ETag");
        Reply edited = admin.put("api/catalog/items/" + id, item("PRODUCT", item.getString("code"),
                "Reactivo de prueba editado", "NIU", null, igv, category, ""), "If-Match", etag);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().getString("name")).isEqualTo("Reactivo de prueba editado");
        assertThat(admin.put("api/catalog/items/" + id, item("PRODUCT", item.getString("code"), "x", "NIU", null,
                igv, category, ""), "If-Match", etag).status()).as("stale item ETag").isEqualTo(412);

        assertThat(admin.post("api/catalog/items/" + id + "/prices", "{\"price\":14.90,\"reason\":\"Proveedor subió\"}")
                .status()).isEqualTo(201);
        assertThat(admin.post("api/catalog/items/" + id + "/prices", "{\"price\":13.00,\"reason\":\"Promoción\"}")
                .status()).isEqualTo(201);
        Reply noReason = admin.post("api/catalog/items/" + id + "/prices", "{\"price\":11.00,\"reason\":\" \"}");
        assertThat(noReason.status()).as("a reprice without reason is refused").isEqualTo(400);
        Reply priceByEdit = admin.put("api/catalog/items/" + id, item("PRODUCT", item.getString("code"), "x", "NIU",
                "99", igv, category, ""), "If-Match", admin.get("api/catalog/items/" + id).header("ETag"));
        assertThat(priceByEdit.status()).as("the price does not change by an edit").isEqualTo(422);

        JsonArray history = (JsonArray) admin.get("api/catalog/items/" + id + "/prices").jsonStructure();
        assertThat(history).hasSize(3);
        assertThat(history.getJsonObject(0).getJsonNumber("newPrice").bigDecimalValue()).isEqualByComparingTo("13.00");
        assertThat(history.getJsonObject(0).getJsonNumber("oldPrice").bigDecimalValue()).isEqualByComparingTo("14.90");
        assertThat(history.getJsonObject(0).getString("reason")).isEqualTo("Promoción");
        assertThat(history.getJsonObject(0).getString("changedBy")).isEqualTo(DemoUsers.ADMIN.email);
        assertThat(count("select count(*) from item_prices where item_id = " + id)).isEqualTo(3);
        assertThat(single("select price from items where id = " + id)).isEqualTo("13.00");

        Reply list = admin.get("api/catalog/items?search=reactivo%20editado&type=PRODUCT&category=" + category);
        assertThat(list.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).containsExactly(id);
        assertThat(admin.post("api/catalog/items", item("PRODUCT", item.getString("code"), "dup", "NIU", "1", igv,
                category, "")).status()).as("duplicate code").isEqualTo(409);
        Reply serviceWithLots = admin.post("api/catalog/items", item("SERVICE", "IT-SRV-" + SEQ.incrementAndGet(),
                "Servicio", "ZZ", "1", igv, category, ",\"trackLots\":true"));
        assertThat(serviceWithLots.status()).isEqualTo(422);

        Http stranger = OtherTenant.signIn(http);
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, "api/catalog/items/" + id,
                "api/catalog/items/" + id + "/prices", "api/catalog/categories/" + category,
                "api/catalog/tax-rates/" + igv);
        assertThat(stranger.post("api/catalog/items/" + id + "/prices", "{\"price\":1,\"reason\":\"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aKitCannotContainItself() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long igv = igv(admin);
        long a = id(admin.post("api/catalog/items", item("SERVICE", "IT-A-" + SEQ.incrementAndGet(), "A", "ZZ", "1",
                igv, null, "")));
        long b = id(admin.post("api/catalog/items", item("SERVICE", "IT-B-" + SEQ.incrementAndGet(), "B", "ZZ", "1",
                igv, null, ",\"components\":[{\"itemId\":" + a + ",\"quantity\":2}]")));
        Reply kitB = admin.get("api/catalog/items/" + b);
        assertThat(kitB.json().getJsonArray("components")).hasSize(1);
        long c = id(admin.post("api/catalog/items", item("SERVICE", "IT-C-" + SEQ.incrementAndGet(), "C", "ZZ", "1",
                igv, null, ",\"components\":[{\"itemId\":" + b + ",\"quantity\":1}]")));

        Reply readA = admin.get("api/catalog/items/" + a);
        Reply cycle = admin.put("api/catalog/items/" + a, item("SERVICE", readA.json().getString("code"), "A", "ZZ",
                null, igv, null, ",\"components\":[{\"itemId\":" + c + ",\"quantity\":1}]"), "If-Match",
                readA.header("ETag"));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(422);
        assertThat(cycle.json().getString("detail")).contains("contain itself");
        assertThat(count("select count(*) from bundle_components where bundle_id = " + a)).isZero();
    }

    @Test
    void customerDocumentsAreCheckedAndUnique() {
        Http cashier = DemoUsers.CASHIER.signIn(http);
        Reply badRuc = cashier.post("api/customers", company("20100070971", "Mal RUC S.A.C."));
        assertThat(badRuc.status()).isEqualTo(422);
        assertThat(badRuc.json().getString("detail")).contains("The RUC check digit should be 0, not 1");

        String ruc = ruc("20" + (10000000 + SEQ.incrementAndGet()));
        Reply good = cashier.post("api/customers", company(ruc, "Buen RUC S.A.C."));
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(good.json().getString("displayName")).isEqualTo("Buen RUC S.A.C.");
        Reply again = cashier.post("api/customers", company(ruc.substring(0, 2) + " " + ruc.substring(2), "Otro"));
        assertThat(again.status()).as("same RUC typed with a space").isEqualTo(409);

        String dni = dni();
        Reply person = cashier.post("api/customers", person(dni, "Pedro", "Castillo", "987 654 000"));
        assertThat(person.status()).as(person.toString()).isEqualTo(201);
        assertThat(person.json().getString("phone")).isEqualTo("+51987654000");
        assertThat(cashier.post("api/customers", person(dni, "Otro", "Pedro", null)).status()).isEqualTo(409);
        assertThat(cashier.post("api/customers", person("1234", "Corto", "Dni", null)).json().getString("detail"))
                .contains("DNI has exactly 8 digits");
        assertThat(cashier.post("api/customers", person(dni(), "Tel", "Malo", "12")).status()).isEqualTo(422);
        assertThat(cashier.post("api/customers", "{\"documentType\":\"0\",\"documentNumber\":\"-\",\"firstName\":\"Anónimo\"}")
                .status()).as("anonymous customers are not unique").isEqualTo(201);
        assertThat(cashier.post("api/customers", "{\"documentType\":\"0\",\"documentNumber\":\"-\",\"firstName\":\"Anónimo\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void customersAreEditedWithETagsDeletedAndHiddenFromOtherTenants() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply created = admin.post("api/customers", person(dni(), "Lucía", "Vega", null));
        long id = id(created);
        String etag = created.header("ETag");

        Reply missing = admin.put("api/customers/" + id, person(created.json().getString("documentNumber"), "Lucía",
                "Vega Ríos", null));
        assertThat(missing.status()).as("no If-Match").isEqualTo(428);
        Reply updated = admin.put("api/customers/" + id, person(created.json().getString("documentNumber"), "Lucía",
                "Vega Ríos", null), "If-Match", etag);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().getString("lastName")).isEqualTo("Vega Ríos");
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        Reply stale = admin.put("api/customers/" + id, person(created.json().getString("documentNumber"), "Lucía",
                "Otra", null), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        TenantIsolation.assertHiddenFromOtherTenant(admin, OtherTenant.signIn(http), "api/customers/" + id);
        assertThat(OtherTenant.signIn(http).delete("api/customers/" + id).status()).isEqualTo(404);

        assertThat(admin.delete("api/customers/" + id).status()).isEqualTo(204);
        assertThat(admin.get("api/customers/" + id).status()).isEqualTo(404);
        assertThat(single("select deleted_at is not null from customers where id = " + id)).isEqualTo("t");
    }

    @Test
    void mergingMovesReferencesAndRetiresTheDuplicate() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long survivor = id(admin.post("api/customers", person(dni(), "Carmen", "Rojas", "987 100 200")));
        long duplicate = id(admin.post("api/customers", person(dni(), "Carmen", "Rojaz", null)));
        long older = id(admin.post("api/customers", person(dni(), "Karmen", "Rojas", null)));
        exec("update customers set visit_count = 2 where id = " + duplicate);
        exec("update customers set visit_count = 1 where id = " + survivor);

        Reply first = admin.post("api/customers/" + duplicate + "/merge",
                "{\"duplicateId\":" + older + ",\"reason\":\"Registrada dos veces\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Reply merge = admin.post("api/customers/" + survivor + "/merge",
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"Apellido mal escrito\"}");
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        assertThat(merge.json().getInt("movedReferences")).as("the customer merged earlier follows").isEqualTo(1);
        JsonObject kept = merge.json().getJsonObject("customer");
        assertThat(kept.getInt("visitCount")).isEqualTo(3);
        assertThat(kept.getBoolean("recurrent")).isTrue();

        assertThat(single("select merged_into_id from customers where id = " + older)).isEqualTo(survivor + "");
        assertThat(single("select merged_into_id from customers where id = " + duplicate)).isEqualTo(survivor + "");
        Reply gone = admin.get("api/customers/" + duplicate);
        assertThat(gone.json().getJsonNumber("mergedIntoId").longValue()).isEqualTo(survivor);
        assertThat(gone.json().getString("mergeReason")).isEqualTo("Apellido mal escrito");
        Reply reuse = admin.put("api/customers/" + duplicate, person(gone.json().getString("documentNumber"),
                "Carmen", "Rojaz", null), "If-Match", gone.header("ETag"));
        assertThat(reuse.status()).as("a merged customer can no longer be used").isEqualTo(409);
        assertThat(admin.post("api/customers/" + survivor + "/merge",
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"otra vez\"}").status()).isEqualTo(409);
        assertThat(admin.post("api/customers/" + survivor + "/merge",
                "{\"duplicateId\":" + survivor + ",\"reason\":\"yo mismo\"}").status()).isEqualTo(422);
        Reply search = admin.get("api/customers?q=rojaz");
        assertThat(search.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(duplicate);
    }

    @Test
    void searchIgnoresAccentsAndRanksTheDocumentFirst() {
        Http cashier = DemoUsers.CASHIER.signIn(http);
        Reply byName = cashier.get("api/customers?q=maria%20gonz");
        assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
        assertThat(byName.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("displayName")).contains("María González Quispe");
        Reply reversed = cashier.get("api/customers?q=GONZALEZ%20maría");
        assertThat(reversed.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("displayName")).contains("María González Quispe");
        Reply byDocument = cashier.get("api/customers?q=45871236");
        assertThat(byDocument.json().getJsonArray("items").getJsonObject(0).getString("documentNumber"))
                .isEqualTo("45871236");
        Reply byPhone = cashier.get("api/customers?q=987111222");
        assertThat(byPhone.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("phone")).contains("+51987111222");
        Reply byEmail = cashier.get("api/customers?q=jose.ramirez");
        assertThat(byEmail.json().getJsonArray("items").getJsonObject(0).getString("email"))
                .isEqualTo("jose.ramirez@example.pe");
        Reply typo = cashier.get("api/customers?q=fernandes");
        assertThat(typo.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("lastName", "")).contains("Fernández Torres");
        assertThat(cashier.get("api/customers?q=zzzqqqxxx").json().getInt("total")).isZero();
        assertThat(DemoUsers.WAREHOUSE.signIn(http).get("api/customers").status()).as("warehouse has no customers")
                .isEqualTo(403);
    }

    @Test
    void demoCatalogHasPeruvianRatesAndAKit() {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonArray rates = (JsonArray) admin.get("api/catalog/tax-rates?country=PE").jsonStructure();
        assertThat(rates.getValuesAs(JsonObject.class)).extracting(o -> o.getString("affectationCode"))
                .contains("10", "20", "30");
        JsonObject kit = admin.get("api/catalog/items?search=PAQ-CHK").json().getJsonArray("items").getJsonObject(0);
        assertThat(kit.getJsonArray("components")).hasSize(4);
        assertThat(admin.get("api/catalog/items?type=SERVICE&size=100").json().getInt("total")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void customersAndCatalogAreExportedAsCsvAndXlsx() {
        Http accountant = DemoUsers.ACCOUNTANT.signIn(http);
        Reply csv = accountant.get("api/customers/export?format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"clientes-").endsWith(".csv\"");
        assertThat(csv.body()).contains("documentNumber").contains("María González Quispe").contains("+51987111222");
        Reply xlsx = accountant.get("api/catalog/items/export?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.header("Content-Disposition")).endsWith(".xlsx\"");
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(accountant.get("api/catalog/items/export?format=pdf").status()).isEqualTo(422);
        assertThat(DemoUsers.CASHIER.signIn(http).get("api/customers/export").status()).isEqualTo(403);
    }

    private static long igv(Http admin) {
        JsonArray rates = (JsonArray) admin.get("api/catalog/tax-rates?country=PE").jsonStructure();
        return rates.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("affectationCode").equals("10"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static String item(String type, String code, String name, String unit, String price, long taxRate,
                               Long category, String extra) {
        return "{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"unitCode\":\"" + unit
                + "\"" + (price == null ? "" : ",\"price\":" + price) + ",\"taxRateId\":" + taxRate
                + (category == null ? "" : ",\"categoryId\":" + category) + extra + "}";
    }

    private static String person(String dni, String first, String last, String phone) {
        return "{\"documentType\":\"1\",\"documentNumber\":\"" + dni + "\",\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
    }

    private static String company(String ruc, String name) {
        return "{\"documentType\":\"6\",\"documentNumber\":\"" + ruc + "\",\"businessName\":\"" + name + "\"}";
    }

    /** A valid RUC from ten digits: the same modulo-11 rule, computed independently here. */
    private static String ruc(String firstTen) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (firstTen.charAt(i) - '0') * weights[i];
        }
        int digit = 11 - sum % 11;
        return firstTen + (digit == 10 ? 0 : digit == 11 ? 1 : digit);
    }

    private static String dni() {
        return String.valueOf(61_000_000 + SEQ.incrementAndGet());
    }

    private static long id(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Object v = rs.getObject(1);
            return v instanceof BigDecimal bd ? bd.toPlainString() : v instanceof Boolean b ? (b ? "t" : "f")
                    : String.valueOf(v);
        }
    }

    private static void exec(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
