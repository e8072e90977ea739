package io.cuadra.it.catalog;

import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
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
        assertThat(JsonMoney.of(item, "price")).isEqualByComparingTo("12.50");
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

        assertThat(admin.post("api/catalog/items/" + id + "/prices", "{\"price\":\"14.90\",\"reason\":\"Proveedor subió\"}")
                .status()).isEqualTo(201);
        assertThat(admin.post("api/catalog/items/" + id + "/prices", "{\"price\":\"13.00\",\"reason\":\"Promoción\"}")
                .status()).isEqualTo(201);
        Reply noReason = admin.post("api/catalog/items/" + id + "/prices", "{\"price\":\"11.00\",\"reason\":\" \"}");
        assertThat(noReason.status()).as("a reprice without reason is refused").isEqualTo(400);
        Reply priceByEdit = admin.put("api/catalog/items/" + id, item("PRODUCT", item.getString("code"), "x", "NIU",
                "99", igv, category, ""), "If-Match", admin.get("api/catalog/items/" + id).header("ETag"));
        assertThat(priceByEdit.status()).as("the price does not change by an edit").isEqualTo(422);

        JsonArray history = (JsonArray) admin.get("api/catalog/items/" + id + "/prices").jsonStructure();
        assertThat(history).hasSize(3);
        assertThat(JsonMoney.of(history.getJsonObject(0), "newPrice")).isEqualByComparingTo("13.00");
        assertThat(JsonMoney.of(history.getJsonObject(0), "oldPrice")).isEqualByComparingTo("14.90");
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
        assertThat(stranger.post("api/catalog/items/" + id + "/prices", "{\"price\":\"1\",\"reason\":\"x\"}").status())
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
        assertThat(accountant.get("api/catalog/items/export?format=pdf").status()).isEqualTo(400);
        assertThat(DemoUsers.CASHIER.signIn(http).get("api/customers/export").status()).isEqualTo(403);
    }

    @Test
    void aCustomersCsvImportsTheGoodRowsAndReportsEachBadOne() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String dni1 = dni();
        String dni2 = dni();
        String ruc = ruc("20" + (20000000 + SEQ.incrementAndGet()));
        // Excel in Spanish writes semicolons; row 6 is blank and is not counted.
        String csv = "documentType;documentNumber;firstName;lastName;businessName;phone;email;preferredChannel\r\n"
                + "1;" + dni1 + ";Rosa;Importada Uno;;987 000 111;Rosa.Import@Example.pe;WHATSAPP\r\n"
                + "6;20100070971;;;Mal RUC S.A.C.;;;\r\n"
                + "1;" + dni1 + ";Otra;Vez;;;;\r\n"
                + "1;45871236;María;Repetida;;;;\r\n"
                + ";;;;;;;\r\n"
                + "DNI;" + dni2 + ";Pedro;Importado Dos;;;;email\r\n"
                + "6;" + ruc + ";;;Empresa Importada S.A.C.;;;\r\n"
                + "6;" + ruc("20" + (20000000 + SEQ.incrementAndGet())) + ";;;;;;\r\n"
                + "1;" + dni() + ";Tel;Malo;;12;;\r\n"
                + "1;" + dni() + ";Canal;Raro;;;;FAX\r\n";
        Reply upload = admin.post("api/imports?kind=customers&fileName=clientes.csv", csv.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        assertThat(upload.header("Location")).endsWith("/api/imports/" + upload.json().getJsonNumber("id"));
        assertThat(upload.json().getInt("totalRows")).isEqualTo(9);
        long id = upload.json().getJsonNumber("id").longValue();

        JsonObject done = awaitImport(admin, id);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getInt("read")).isEqualTo(9);
        assertThat(done.getInt("written")).isEqualTo(3);
        assertThat(done.getInt("skipped")).isEqualTo(6);
        assertThat(done.getString("startedAt")).isNotBlank();
        assertThat(done.getString("endedAt")).isNotBlank();
        assertThat(done.getString("createdBy")).isEqualTo(DemoUsers.ADMIN.email);

        assertThat(single("select phone || ' ' || email || ' ' || preferred_channel || ' ' || created_by from customers "
                + "where document_number = '" + dni1 + "'"))
                .isEqualTo("+51987000111 rosa.import@example.pe WHATSAPP " + DemoUsers.ADMIN.email);
        assertThat(count("select count(*) from customers where document_number in ('" + dni1 + "', '" + dni2 + "', '"
                + ruc + "')")).isEqualTo(3);
        assertThat(count("select count(*) from audit_log a join customers c on a.entity_id = c.id::text "
                + "where a.action = 'customer.created' and a.user_email = '" + DemoUsers.ADMIN.email
                + "' and c.document_number = '" + dni2 + "'")).as("audited as the uploader").isEqualTo(1);
        // The import writes its rows and audit lines by JDBC: both must read as a customer created by hand.
        String byHand = dni();
        long handId = id(admin.post("api/customers", "{\"documentType\":\"1\",\"documentNumber\":\"" + byHand
                + "\",\"firstName\":\"Rosa\",\"lastName\":\"Importada Uno\",\"phone\":\"987 000 111\","
                + "\"email\":\"Rosa.Import@Example.pe\",\"preferredChannel\":\"WHATSAPP\"}"));
        String importedId = single("select id from customers where document_number = '" + dni1 + "'");
        String columns = "version || ' ' || tenant_id || ' ' || country || ' ' || preferred_language || ' ' || active "
                + "|| ' ' || visit_count || ' ' || recurrent || ' ' || contact_opt_out || ' ' || search_name || ' ' "
                + "|| (created_at = updated_at) || ' ' || updated_by from customers where id = ";
        assertThat(single("select " + columns + importedId)).isEqualTo(single("select " + columns + handId));
        String audited = "select changes || ' ' || entity_type || ' ' || coalesce(user_id::text, '-') from audit_log "
                + "where action = 'customer.created' and entity_id = '";
        assertThat(single(audited + importedId + "'"))
                .isEqualTo(single(audited + handId + "'").replace(byHand, dni1)
                        .replace("\"id\":{\"after\":" + handId + "}", "\"id\":{\"after\":" + importedId + "}"));
        assertThat(count("select count(*) from customer_name_words w join customers c on c.tenant_id = w.tenant_id "
                + "where c.id = " + importedId + " and w.word = 'importada'")).as("the name-words trigger ran")
                .isEqualTo(1);
        JsonObject chain = admin.get("api/audit-log/verification").json();
        assertThat(chain.getBoolean("valid")).as(chain.toString()).isTrue();

        Reply report = admin.get("api/imports/" + id + "/rejected-rows?format=csv");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        List<String> lines = report.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,reason,documentType,documentNumber,firstName,lastName,businessName,"
                + "phone,email,preferredChannel");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("3,").contains("The RUC check digit should be 0, not 1").contains("Mal RUC");
        assertThat(lines.get(2)).startsWith("4,").contains("is already on row 2 of this file");
        assertThat(lines.get(3)).startsWith("5,").contains("already has DNI 45871236");
        assertThat(lines.get(4)).startsWith("9,").contains("business name");
        assertThat(lines.get(5)).startsWith("10,").contains("phone: 12");
        assertThat(lines.get(6)).startsWith("11,").contains("preferredChannel: \"\"FAX\"\" is not one of");
    }

    @Test
    void anItemsXlsxImportChecksEveryRuleOfTheCatalog() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String a = "IMP-A-" + SEQ.incrementAndGet();
        String d = "IMP-D-" + SEQ.incrementAndGet();
        String f = "IMP-F-" + SEQ.incrementAndGet();
        byte[] xlsx = xlsx(List.of(
                List.of("type", "code", "name", "category", "unitCode", "price", "taxRate", "trackLots", "criticalStock",
                        "weightKg", "kitComponents"),
                List.of("PRODUCT", a, "Guantes de nitrilo", "INS", "NIU", 25.5, "IGV 18%", true, 10, 0.5, ""),
                List.of("SERVICE", "IMP-B-" + SEQ.incrementAndGet(), "Toma a domicilio", "Análisis clínicos", "", 30,
                        "Exonerado", true, "", "", ""),
                List.of("PRODUCT", "IMP-C-" + SEQ.incrementAndGet(), "Sin categoría", "NOPE", "", 5, "", "", "", "", ""),
                List.of("SERVICE", "LAB-HEM", "Hemograma otra vez", "LAB", "ZZ", 35, "", "", "", "", ""),
                List.of("PRODUCT", d, "Kit de guantes", "", "", 40, "", "", "", "", a + " x 2"),
                List.of("PRODUCT", "IMP-E-" + SEQ.incrementAndGet(), "Precio malo", "", "", "gratis", "", "", "", "", ""),
                List.of("service", f, "Servicio a domicilio", "lab", "", 10, "", "", "", "", "")));
        Reply upload = admin.post("api/imports?kind=items&fileName=catalogo.xlsx", xlsx, "Content-Type",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        long id = upload.json().getJsonNumber("id").longValue();
        JsonObject done = awaitImport(admin, id);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getInt("written")).isEqualTo(3);
        assertThat(done.getInt("skipped")).isEqualTo(4);

        JsonObject gloves = admin.get("api/catalog/items?search=" + a).json().getJsonArray("items").getJsonObject(0);
        assertThat(JsonMoney.of(gloves, "price")).isEqualByComparingTo("25.50");
        assertThat(gloves.getBoolean("trackLots")).isTrue();
        assertThat(gloves.getJsonNumber("criticalStock").bigDecimalValue()).isEqualByComparingTo("10");
        assertThat(gloves.getJsonNumber("weightKg").bigDecimalValue()).isEqualByComparingTo("0.5");
        assertThat(gloves.getString("categoryName")).isEqualTo("Insumos");
        assertThat(count("select count(*) from item_prices where item_id = " + gloves.getJsonNumber("id")))
                .as("the imported price starts the history").isEqualTo(1);
        JsonObject kit = admin.get("api/catalog/items?search=" + d).json().getJsonArray("items").getJsonObject(0);
        assertThat(kit.getJsonArray("components").getJsonObject(0).getString("code")).isEqualTo(a);
        assertThat(kit.getJsonArray("components").getJsonObject(0).getJsonNumber("quantity").bigDecimalValue())
                .isEqualByComparingTo("2");
        JsonObject service = admin.get("api/catalog/items?search=" + f).json().getJsonArray("items").getJsonObject(0);
        assertThat(service.getString("unitCode")).isEqualTo("ZZ");
        assertThat(service.getString("affectationCode")).as("the tenant's one taxed rate").isEqualTo("10");

        List<String> lines = admin.get("api/imports/" + id + "/rejected-rows").body().replace("\uFEFF", "").lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("3,").contains("A service is not kept in stock");
        assertThat(lines.get(2)).startsWith("4,").contains("there is no category \"\"NOPE\"\"");
        assertThat(lines.get(3)).startsWith("5,").contains("There is already an item with code LAB-HEM");
        assertThat(lines.get(4)).startsWith("7,").contains("price: \"\"gratis\"\" is not a number");
        Reply xlsxReport = admin.get("api/imports/" + id + "/rejected-rows?format=xlsx");
        assertThat(xlsxReport.status()).isEqualTo(200);
        assertThat(xlsxReport.body()).startsWith("PK");
    }

    @Test
    void aFailedImportRestartsFromItsCheckpointWithoutDuplicates() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        StringBuilder csv = new StringBuilder("documentType,documentNumber,firstName,lastName\n");
        List<String> documents = new java.util.ArrayList<>();
        for (int row = 2; row <= 11; row++) {
            String dni = row == 4 ? "123" : dni();
            documents.add(dni);
            csv.append("1,").append(dni).append(',').append(row == 7 ? "Falla" : "Fila " + row).append(",Reinicio\n");
        }
        // A database that refuses row 7 stands for an outage in the middle of the job.
        exec("create or replace function it_outage() returns trigger language plpgsql as $$ begin "
                + "if new.first_name = 'Falla' then raise exception 'simulated outage'; end if; return new; end $$");
        exec("create trigger it_outage before insert on customers for each row execute function it_outage()");
        long id;
        try {
            Reply upload = admin.post("api/imports?kind=customers&fileName=reinicio.csv&itemCount=2",
                    csv.toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
            assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
            id = upload.json().getJsonNumber("id").longValue();
            JsonObject failed = awaitImport(admin, id);
            assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("FAILED");
            assertThat(failed.getBoolean("restartable")).isTrue();
            assertThat(failed.getString("failure")).contains("could not be saved");
            // Chunks of 2: rows 2-3 and 4-5 (4 rejected) committed; 6-7 rolled back whole.
            assertThat(failed.getInt("written")).isEqualTo(3);
            assertThat(failed.getInt("skipped")).isEqualTo(1);
            assertThat(count("select count(*) from customers where last_name = 'Reinicio' and document_number in ("
                    + quoted(documents) + ")")).isEqualTo(3);
        } finally {
            exec("drop trigger it_outage on customers");
        }
        Reply restarted = admin.post("api/imports/" + id + "/restart", "");
        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
        JsonObject done = awaitImport(admin, id);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.getInt("written")).isEqualTo(9);
        assertThat(done.getInt("skipped")).isEqualTo(1);
        assertThat(done.containsKey("failure")).as("the failure is over").isFalse();
        assertThat(count("select count(*) from customers where document_number in (" + quoted(documents) + ")"))
                .isEqualTo(9);
        assertThat(count("select count(distinct document_number) from customers where document_number in ("
                + quoted(documents) + ")")).isEqualTo(9);
        assertThat(count("select count(*) from import_rejections where import_id = " + id)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log a join customers c on a.entity_id = c.id::text "
                + "and a.action = 'customer.created' where c.document_number in (" + quoted(documents) + ")"))
                .as("one audit line per customer, none for the rolled-back chunk").isEqualTo(9);
        JsonObject chain = admin.get("api/audit-log/verification").json();
        assertThat(chain.getBoolean("valid")).as(chain.toString()).isTrue();
        assertThat(admin.post("api/imports/" + id + "/restart", "").status()).as("nothing left to restart")
                .isEqualTo(409);
    }

    @Test
    void importsAreRefusedWithAReasonAndHiddenFromOthers() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply unknownColumn = admin.post("api/imports?kind=customers&fileName=c.csv",
                "documentType,documentNumber,edad\n1,12345678,40\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(unknownColumn.json().getString("detail")).contains("Unknown column edad");
        Reply oldExcel = admin.post("api/imports?kind=items&fileName=viejo.xls", new byte[]{1, 2, 3},
                "Content-Type", "application/octet-stream");
        assertThat(oldExcel.json().getString("detail")).contains("save the old .xls workbook as .xlsx");
        Reply headerOnly = admin.post("api/imports?kind=items&fileName=c.csv", "type,code,name,price\n".getBytes(
                StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(headerOnly.json().getString("detail")).contains("has a header but no rows");
        // What the file imports is a typed parameter: an unknown kind is a 400 naming it, a missing one a 422.
        Reply unknownKind = admin.post("api/imports?kind=planets&fileName=c.csv", "a\n1\n".getBytes(
                StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(unknownKind.status()).as(unknownKind.toString()).isEqualTo(400);
        assertThat(unknownKind.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("kind");
        assertThat(admin.post("api/imports?fileName=c.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv").status()).isEqualTo(422);

        Reply upload = admin.post("api/imports?kind=items&fileName=c.csv", ("type,code,name,price\nSERVICE,IMP-X-"
                + SEQ.incrementAndGet() + ",Servicio X,1\n").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        long id = upload.json().getJsonNumber("id").longValue();
        awaitImport(admin, id);
        Http stranger = OtherTenant.signIn(http);
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, "api/imports/" + id,
                "api/imports/" + id + "/rejected-rows");
        assertThat(stranger.post("api/imports/" + id + "/restart", "").status()).isEqualTo(404);
        assertThat(stranger.get("api/imports").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(id);

        Http cashier = DemoUsers.CASHIER.signIn(http);
        assertThat(cashier.get("api/imports/" + id).status()).as("cashiers do not create catalog items").isEqualTo(403);
        assertThat(cashier.post("api/imports?kind=items&fileName=c.csv", "type,code,name,price\n".getBytes(
                StandardCharsets.UTF_8), "Content-Type", "text/csv").status()).isEqualTo(403);
        assertThat(DemoUsers.WAREHOUSE.signIn(http).post("api/imports?kind=customers&fileName=c.csv",
                "documentType,documentNumber\n".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv")
                .status()).isEqualTo(403);
    }

    @Test
    void aFrenchTenantGetsTheFrenchTaxRates() throws Exception {
        Http french = OtherTenant.signInFrench(http);
        Reply added = french.post("api/catalog/tax-rates/defaults", "");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(french.get("api/catalog/tax-rates?country=FR").jsonStructure().asJsonArray()
                .getValuesAs(JsonObject.class)).extracting(o -> o.getJsonNumber("percent").bigDecimalValue()
                        .stripTrailingZeros().toPlainString() + " " + o.getString("affectationCode"))
                .containsExactly("20 10", "10 10", "5.5 10", "2.1 10");
        assertThat(french.post("api/catalog/tax-rates/defaults", "").jsonStructure().asJsonArray())
                .as("added once").isEmpty();
        assertThat(french.get("api/catalog/tax-rates?country=PE").jsonStructure().asJsonArray()).isEmpty();
        JsonArray demo = (JsonArray) DemoUsers.ADMIN.signIn(http).get("api/catalog/tax-rates?country=PE").jsonStructure();
        assertThat(demo.getValuesAs(JsonObject.class)).extracting(o -> o.getString("name"))
                .as("seeded when the demo tenant was opened").contains("IGV 18%", "Exonerado", "Inafecto");
    }

    @Test
    void customersPageSearchesAndChecksTheRucWhileTyping() throws Exception {
        String ruc = ruc("20" + (30000000 + SEQ.incrementAndGet()));
        String mistyped = ruc.substring(0, 10) + (char) ('0' + (ruc.charAt(10) - '0' + 1) % 10);
        try (Browser browser = signedIn()) {
            browser.open(TestEnvironment.baseUrl() + "customers/list.xhtml");
            browser.type("#customers\\:q", "maria gonz").waitForText("#customers\\:table", "María González Quispe");
            browser.click("#customers\\:new").choose("#customers\\:type", "6 · RUC");
            browser.type("#customers\\:number", mistyped)
                    .waitForText("#customers\\:documentProblem", "El dígito verificador del RUC debería ser "
                            + ruc.charAt(10));
            browser.type("#customers\\:number", ruc);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#customers\\:documentProblem"),
                            "dígito verificador")));
            browser.type("#customers\\:businessName", "Navegador Importaciones S.A.C.")
                    .click("#customers\\:save")
                    .waitForText("#customers\\:messages", "Navegador Importaciones S.A.C.");
        }
        assertThat(single("select business_name || ' ' || document_type || ' ' || created_by from customers "
                + "where document_number = '" + ruc + "'"))
                .isEqualTo("Navegador Importaciones S.A.C. 6 " + DemoUsers.ADMIN.email);
    }

    @Test
    void itemEditorChangesThePriceWithAReasonAndShowsTheHistory() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long id = id(admin.post("api/catalog/items", item("PRODUCT", "IT-WEB-" + SEQ.incrementAndGet(),
                "Reactivo para el navegador", "NIU", "12.5", igv(admin), null, "")));
        try (Browser browser = signedIn()) {
            browser.open(TestEnvironment.baseUrl() + "catalog/item.xhtml?id=" + id)
                    .waitForText("#item\\:prices", "Initial price");
            browser.click("#item\\:changePrice").find("#repriceForm\\:reason");
            // The field starts with the current price: select it and type over it.
            browser.find("#repriceForm\\:newPrice").sendKeys(Keys.chord(Keys.CONTROL, "a"), "16");
            // The refusal shows beside its field (or in the form's banner when it names none): read the form.
            browser.click("#repriceForm\\:confirm")
                    .waitForText("#repriceForm", "Indique el motivo del cambio de precio");
            browser.type("#repriceForm\\:reason", "Subió el proveedor (navegador)").click("#repriceForm\\:confirm")
                    .waitForText("#item\\:prices", "Subió el proveedor (navegador)");
            assertThat(browser.find("#item\\:prices").getText()).contains(DemoUsers.ADMIN.email);
        }
        assertThat(single("select price from items where id = " + id)).isEqualTo("16.00");
        assertThat(single("select old_price || ' ' || new_price || ' ' || created_by from item_prices where item_id = "
                + id + " and reason = 'Subió el proveedor (navegador)'"))
                .isEqualTo("12.50 16.00 " + DemoUsers.ADMIN.email);
    }

    @Test
    void importPageShowsTheResultOfAnUpload() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("clientes-", ".csv");
        java.nio.file.Files.writeString(file, "documentType,documentNumber,firstName,lastName\n1," + dni()
                + ",Nora,Navegador\n1,99,Corto,Navegador\n1," + dni() + ",Ana,Navegador\n");
        try (Browser browser = signedIn()) {
            browser.open(TestEnvironment.baseUrl() + "customers/import.xhtml").find("#import\\:how");
            browser.driver().findElement(By.cssSelector("#import\\:file_input")).sendKeys(file.toString());
            browser.waitForText("#import\\:status", "Completada")
                    .waitForText("#import\\:counts", "3 de 3 leídas · 2 guardadas · 1 rechazadas");
            assertThat(browser.find("#import\\:rejected").getText()).isEqualTo("Filas rechazadas (CSV)");
            assertThat(browser.find("#import\\:recent").getText()).contains(file.getFileName().toString());
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(count("select count(*) from customers where last_name = 'Navegador'")).isEqualTo(2);
    }

    /** A headless Chromium signed in to the back office as the demo admin. */
    private static Browser signedIn() throws Exception {
        Browser browser = new Browser();
        browser.open(TestEnvironment.baseUrl()).waitForUrl("login.xhtml");
        browser.type("#login\\:email", DemoUsers.ADMIN.email)
                .type("#login\\:password_input, #login\\:password", DemoUsers.ADMIN.password)
                .click("#login\\:submit")
                .waitForText(".cuadra-who", DemoUsers.ADMIN.email);
        return browser;
    }

    /** Polls an import until its job is over (a minute at most). */
    private static JsonObject awaitImport(Http client, long id) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Reply r = client.get("api/imports/" + id);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String status = r.json().getString("status");
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status)) {
                return r.json();
            }
            assertThat(System.nanoTime()).as("import " + id + " still " + status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static byte[] xlsx(List<List<Object>> rows) throws java.io.IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("hoja");
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (!v.toString().isEmpty()) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    private static long igv(Http admin) {
        JsonArray rates = (JsonArray) admin.get("api/catalog/tax-rates?country=PE").jsonStructure();
        return rates.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("affectationCode").equals("10"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static String item(String type, String code, String name, String unit, String price, long taxRate,
                               Long category, String extra) {
        return "{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"unitCode\":\"" + unit
                + "\"" + (price == null ? "" : ",\"price\":\"" + price + "\"") + ",\"taxRateId\":" + taxRate
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
