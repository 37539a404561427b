package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/**
 * A whole catalog between two generated shops whose entity-type, attribute, option, set, store, website, group,
 * link-type and category ids all differ: foundation, tree, every product type with all its parts, stock.
 */
class CatalogSyncTest extends SyncTestSupport {

    static final List<String> CATALOG = List.of("taxclass", "customergroup", "productattribute", "attributeset", "category", "product");

    private TestShops shops;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("catalog").withCatalog(150, 21);
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync(String entity, UnaryOperator<JobSpec> options) {
        JobSpec spec = new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage")
                .source(shops.source()).batchSize(40);
        SyncJob job = dataSync.sync(options.apply(spec), shops.destination());
        assertFalse(job.failed(), () -> entity + " failed: " + job.failure());
        return job;
    }

    private List<SyncJob> syncCatalog() {
        List<SyncJob> jobs = new ArrayList<>();
        for (String entity : CATALOG) {
            jobs.add(sync(entity, spec -> spec));
        }
        return jobs;
    }

    @Test
    void theWholeCatalogArrivesEqualByCodeAtEveryStoreScope() throws Exception {
        List<SyncJob> jobs = syncCatalog();

        SyncJob products = jobs.get(jobs.size() - 1);
        assertEquals(150, products.report().count(Outcome.CREATED));
        assertEquals(0, products.report().count(Outcome.INVALID));
        assertEquals(CatalogView.categories(shops.source()), CatalogView.categories(shops.destination()),
                "the tree by url-key path, with every value at every store");
        Map<String, Map<String, Object>> source = CatalogView.products(shops.source());
        Map<String, Map<String, Object>> destination = CatalogView.products(shops.destination());
        assertEquals(source.keySet(), destination.keySet());
        assertSameProducts(source, destination);
    }

    @Test
    void everyProductTypeArrivesWithItsParts() throws Exception {
        syncCatalog();

        Map<String, Map<String, Object>> destination = CatalogView.products(shops.destination());
        for (String type : List.of("simple", "virtual", "downloadable", "configurable", "grouped", "bundle")) {
            assertTrue(destination.values().stream().anyMatch(p -> type.equals(values(p).get("type"))), type);
        }
        Map<String, Object> configurable = first(destination, "configurable");
        assertTrue(configurable.get("super_attributes").toString().startsWith("[size|0|[admin:0:Size]|[XL:0:5:admin]"),
                configurable.toString());
        assertTrue(((List<?>) configurable.get("super_links")).size() >= 3);
        Map<String, Object> bundle = first(destination, "bundle");
        assertEquals(2, ((List<?>) bundle.get("bundle_options")).size(), bundle.toString());
        assertTrue(bundle.get("bundle_options").toString().contains("[admin:Base]"));
        Map<String, Object> grouped = first(destination, "grouped");
        assertTrue(grouped.get("links").toString().contains("super|"), grouped.toString());
        assertTrue(grouped.get("links").toString().contains("super.qty=1"), grouped.toString());
        Map<String, Object> downloadable = first(destination, "downloadable");
        assertTrue(downloadable.get("downloadable_links").toString().contains("PDF edition"), downloadable.toString());
        assertTrue(downloadable.get("downloadable_samples").toString().contains("Sample pages"), downloadable.toString());
        assertTrue(destination.values().stream().anyMatch(p -> p.containsKey("options")
                && p.get("options").toString().contains("german:Geschenkverpackung")), "custom options with store titles");
        assertTrue(destination.values().stream().anyMatch(p -> values(p).containsKey("name@german")), "German names");
        assertTrue(destination.values().stream().anyMatch(p -> p.containsKey("tier_prices")
                && p.get("tier_prices").toString().contains("|Wholesale|10|3|admin")), "tier prices by group code");
    }

    @Test
    void optionIdsDifferButEveryProductKeepsItsLabels() throws Exception {
        syncCatalog();

        long sourceRed = Checksums.single(shops.source(), "SELECT o.option_id FROM eav_attribute_option o JOIN"
                + " eav_attribute_option_value v USING (option_id) JOIN eav_attribute a USING (attribute_id)"
                + " WHERE a.attribute_code = 'color' AND v.value = 'Red'");
        long destinationRed = Checksums.single(shops.destination(), "SELECT o.option_id FROM eav_attribute_option o JOIN"
                + " eav_attribute_option_value v USING (option_id) JOIN eav_attribute a USING (attribute_id)"
                + " WHERE a.attribute_code = 'color' AND v.value = 'Red'");
        assertNotEquals(sourceRed, destinationRed, "the layouts give options different ids");
        Map<String, Map<String, Object>> source = CatalogView.products(shops.source());
        Map<String, Map<String, Object>> destination = CatalogView.products(shops.destination());
        long red = source.values().stream().filter(p -> "Red".equals(values(p).get("color@admin"))).count();
        assertTrue(red > 0);
        assertEquals(red, destination.values().stream().filter(p -> "Red".equals(values(p).get("color@admin"))).count());
        assertTrue(destination.values().stream().anyMatch(p -> "Cotton|Wool".equals(values(p).get("material@admin"))),
                "multiselect values by label");
        assertTrue(destination.values().stream().anyMatch(p -> values(p).containsKey("shoe_size@admin")),
                "an attribute only the source had was created and its values copied");
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        syncCatalog();
        Map<String, String> before = Checksums.of(shops.destination());

        for (SyncJob job : syncCatalog()) {
            assertEquals(0, job.report().count(Outcome.CREATED) + job.report().count(Outcome.UPDATED),
                    job.report().entityType() + " changed something on a second run");
        }
        assertEquals(before, Checksums.of(shops.destination()));
    }

    @Test
    void productsBeforeTheirAttributesAndSetsAreReportedNotDroppedSilently() throws Exception {
        sync("taxclass", spec -> spec);
        sync("category", spec -> spec);

        SyncJob products = sync("product", spec -> spec.skipInvalid(true));

        assertTrue(products.report().count(Outcome.INVALID) > 0, "products of the Clothing set, which the destination lacks");
        assertTrue(products.report().invalidSamples().get(0).contains("unknown attribute set 'Clothing'"),
                products.report().invalidSamples().toString());
        assertTrue(products.report().warnings().keySet().stream().anyMatch(w -> w.contains("'shoe_size' is not a column or attribute")),
                products.report().warnings().toString());
    }

    @Test
    void stockChangedForEveryProductIsUpdatedRowByRow() throws Exception {
        syncCatalog();
        // one batch updates every stock row: the rows share one statement, each must still get its own values
        TestShops.execute(shops.source(), "UPDATE cataloginventory_stock_item SET qty = qty + product_id, is_in_stock = 1 - is_in_stock,"
                + " low_stock_date = IF(product_id % 2 = 0, NULL, '2026-01-02 03:04:05')");
        long items = Long.parseLong(Checksums.text(shops.source(), "SELECT COUNT(*) FROM cataloginventory_stock_item"));

        SyncJob stock = sync("stock", spec -> spec);

        assertEquals(items, stock.report().count(Outcome.UPDATED));
        assertSameProducts(CatalogView.products(shops.source()), CatalogView.products(shops.destination()));
    }

    @Test
    void stockModes() throws Exception {
        syncCatalog();
        TestShops.execute(shops.source(), "UPDATE cataloginventory_stock_item SET qty = 777 WHERE product_id = (SELECT MIN(entity_id)"
                        + " FROM catalog_product_entity WHERE type_id = 'simple')",
                "UPDATE catalog_product_entity_varchar v JOIN eav_attribute a USING (attribute_id) SET v.value = 'Renamed'"
                        + " WHERE a.attribute_code = 'name' AND v.store_id = 0 AND v.entity_id = (SELECT MIN(entity_id)"
                        + " FROM catalog_product_entity WHERE type_id = 'simple')");
        String sku = (String) Checksums.text(shops.source(), "SELECT LOWER(sku) FROM catalog_product_entity WHERE type_id = 'simple'"
                + " ORDER BY entity_id LIMIT 1");

        SyncJob excluded = sync("product", spec -> spec.stockMode(JobSpec.StockMode.EXCLUDE));
        Map<String, Object> product = CatalogView.products(shops.destination()).get(sku);
        assertEquals(1, excluded.report().count(Outcome.UPDATED));
        assertEquals("Renamed", values(product).get("name@admin"));
        assertFalse(product.get("stock").toString().contains("qty=777"), "--stock exclude leaves stock alone");

        TestShops.execute(shops.source(), "UPDATE catalog_product_entity_varchar v JOIN eav_attribute a USING (attribute_id)"
                + " SET v.value = 'Renamed again' WHERE a.attribute_code = 'name' AND v.store_id = 0 AND v.entity_id ="
                + " (SELECT MIN(entity_id) FROM catalog_product_entity WHERE type_id = 'simple')");
        SyncJob only = sync("product", spec -> spec.stockMode(JobSpec.StockMode.ONLY));
        product = CatalogView.products(shops.destination()).get(sku);
        assertEquals("stock", only.report().entityType(), "--stock only syncs stock items");
        assertEquals(1, only.report().count(Outcome.UPDATED));
        assertTrue(product.get("stock").toString().contains("qty=777"), product.get("stock").toString());
        assertEquals("Renamed", values(product).get("name@admin"), "--stock only leaves the product alone");

        SyncJob included = sync("product", spec -> spec);
        assertEquals(1, included.report().count(Outcome.UPDATED));
        assertSameProducts(CatalogView.products(shops.source()), CatalogView.products(shops.destination()));
    }

    @Test
    void customOptionsFollowTheOptionsMode() throws Exception {
        syncCatalog();
        String sku = (String) Checksums.text(shops.source(), "SELECT LOWER(p.sku) FROM catalog_product_entity p JOIN"
                + " catalog_product_option o ON o.product_id = p.entity_id ORDER BY p.entity_id LIMIT 1");
        // the destination's own option on that product, which the source does not have
        TestShops.execute(shops.destination(), "INSERT INTO catalog_product_option (product_id, type, is_require, sort_order)"
                        + " SELECT entity_id, 'field', 0, 9 FROM catalog_product_entity WHERE LOWER(sku) = '" + sku + "'",
                "INSERT INTO catalog_product_option_title (option_id, store_id, title) SELECT MAX(option_id), 0, 'Local note'"
                        + " FROM catalog_product_option");
        TestShops.execute(shops.source(), "UPDATE catalog_product_option_type_price SET price = 99 WHERE store_id = 0");

        sync("product", spec -> spec.optionsMode(JobSpec.OptionsMode.APPEND));
        String options = CatalogView.products(shops.destination()).get(sku).get("options").toString();
        assertTrue(options.contains("Local note") && !options.contains(":99:"), "append adds only: " + options);

        sync("product", spec -> spec.optionsMode(JobSpec.OptionsMode.MERGE));
        options = CatalogView.products(shops.destination()).get(sku).get("options").toString();
        assertTrue(options.contains("Local note") && options.contains(":99:"), "merge updates and keeps: " + options);

        sync("product", spec -> spec.optionsMode(JobSpec.OptionsMode.REPLACE));
        options = CatalogView.products(shops.destination()).get(sku).get("options").toString();
        assertTrue(!options.contains("Local note") && options.contains(":99:"), "replace makes them the source's: " + options);
    }

    /** Product by product, part by part, value by value: a difference names the sku, part and value. */
    static void assertSameProducts(Map<String, Map<String, Object>> expected, Map<String, Map<String, Object>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String sku : expected.keySet()) {
            Map<String, Object> want = expected.get(sku);
            Map<String, Object> got = actual.get(sku);
            assertEquals(want.keySet(), got.keySet(), sku + " parts");
            for (String part : want.keySet()) {
                if ("values".equals(part)) {
                    Map<String, String> wantValues = values(want);
                    Map<String, String> gotValues = values(got);
                    for (String code : wantValues.keySet()) {
                        assertEquals(wantValues.get(code), gotValues.get(code), sku + " " + code);
                    }
                    assertEquals(wantValues.keySet(), gotValues.keySet(), sku + " attribute values");
                } else {
                    assertEquals(want.get(part), got.get(part), sku + " " + part);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> values(Map<String, Object> product) {
        return (Map<String, String>) product.get("values");
    }

    private static Map<String, Object> first(Map<String, Map<String, Object>> products, String type) {
        return products.values().stream().filter(p -> type.equals(values(p).get("type"))).findFirst().orElseThrow();
    }
}
