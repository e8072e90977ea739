package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.Category;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo lab's catalog (its Peruvian tax rates come with the tenant): lab exams sold as services
 * (unit ZZ), supplies sold as goods (NIU) with lot and expiry tracking, and one kit.
 */
@Dependent
public class CatalogDemoData implements DemoData {

    @EJB
    TaxRateService taxRates;

    @EJB
    CategoryService categories;

    @EJB
    ItemService items;

    @Override
    public int order() {
        return 110;
    }

    @Override
    public void load(DemoTenant tenant) {
        // The Peruvian rates were seeded when the tenant was opened (TaxRateService.seedNewTenant).
        TaxRate igv = rate("10");
        TaxRate exempt = rate("20");
        tenant.shared().put("taxRate.IGV", igv.getId());

        Category exams = categories.create("LAB", "Análisis clínicos", "Exámenes de laboratorio");
        Category imaging = categories.create("IMG", "Imágenes", "Ecografías y rayos X");
        Category supplies = categories.create("INS", "Insumos", "Material de toma de muestra");
        Category packs = categories.create("PAQ", "Paquetes", "Chequeos preventivos");

        long hemo = service("LAB-HEM", "Hemograma completo", exams, "35.00", igv);
        long glucose = service("LAB-GLU", "Glucosa en ayunas", exams, "15.00", igv);
        long lipids = service("LAB-LIP", "Perfil lipídico", exams, "60.00", igv);
        long urine = service("LAB-ORI", "Examen completo de orina", exams, "20.00", igv);
        service("LAB-TSH", "Hormona estimulante de tiroides (TSH)", exams, "55.00", igv);
        service("LAB-COV", "Prueba antigénica COVID-19", exams, "45.00", exempt);
        service("IMG-ECO", "Ecografía abdominal", imaging, "120.00", igv);
        service("IMG-RXT", "Radiografía de tórax", imaging, "80.00", igv);
        product("INS-TUB", "7750000000011", "Tubo al vacío tapa lila 4 ml", supplies, "1.50", igv, "200");
        product("INS-FRA", "7750000000028", "Frasco estéril para orina 100 ml", supplies, "2.00", igv, "150");
        product("INS-GLU", "7750000000035", "Tiras reactivas de glucosa x 50", supplies, "48.00", igv, "10");

        Item checkup = items.create(new ItemDraft(ItemType.SERVICE, "PAQ-CHK", null, "Chequeo preventivo básico",
                "Hemograma, glucosa, perfil lipídico y orina", packs.getId(), "ZZ", new BigDecimal("110.00"),
                igv.getId(), false, false, null, null, null, null, null, true, components(hemo, glucose, lipids, urine)));
        tenant.shared().put("item.PAQ-CHK", checkup.getId());
    }

    private TaxRate rate(String affectationCode) {
        return taxRates.list("PE").stream().filter(r -> r.getAffectationCode().equals(affectationCode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo tenant has no PE rate " + affectationCode));
    }

    private static Map<Long, BigDecimal> components(long... ids) {
        Map<Long, BigDecimal> map = new LinkedHashMap<>();
        for (long id : ids) {
            map.put(id, BigDecimal.ONE);
        }
        return map;
    }

    private long service(String code, String name, Category category, String price, TaxRate rate) {
        return items.create(new ItemDraft(ItemType.SERVICE, code, null, name, null, category.getId(), "ZZ",
                new BigDecimal(price), rate.getId(), false, false, null, null, null, null, null, true, null)).getId();
    }

    private void product(String code, String barcode, String name, Category category, String price, TaxRate rate,
                         String critical) {
        items.create(new ItemDraft(ItemType.PRODUCT, code, barcode, name, null, category.getId(), "NIU",
                new BigDecimal(price), rate.getId(), true, true, new BigDecimal(critical), null, null, null, null,
                true, null));
    }
}
