package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** The original tool's categories.csv and products_simple.csv, and the product CSV columns for the other types. */
class CatalogCsvTest extends SyncTestSupport {

    private TestShops shops;
    @TempDir
    Path files;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("catalogcsv");
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob importFile(String entity, Path file, JobSpec options) {
        SyncJob job = dataSync.sync(options.entityType(entity).sourceSystem("legacy").adapter("csv").file(file),
                shops.destination());
        assertFalse(job.failed(), () -> entity + ": " + job.failure());
        return job;
    }

    private static Path original(String name) {
        Path file = CustomerCsvSyncTest.ORIGINAL_EXAMPLES.resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "needs ../shared beside the checkout");
        return file;
    }

    @Test
    void categoriesCsvBuildsTheTreeUnderTheDefaultRootWithParentsAfterTheirChildren() throws Exception {
        // the file's lines in reverse: every child comes before its parent and waits for it
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(original("categories.csv")));
        java.util.Collections.reverse(lines.subList(1, lines.size()));
        Path reversed = files.resolve("categories.csv");
        Files.write(reversed, lines);

        SyncJob job = importFile("category", reversed, new JobSpec());

        assertEquals(7, job.report().count(Outcome.CREATED));
        Map<String, Map<String, String>> tree = CatalogView.categories(shops.destination());
        assertTrue(tree.containsKey("default category/clothing/shirts/t-shirts"), tree.keySet().toString());
        assertTrue(tree.containsKey("default category/clothing/pants/jeans"), tree.keySet().toString());
        assertTrue(tree.containsKey("default category/digital-products"), tree.keySet().toString());
        Map<String, String> jeans = tree.get("default category/clothing/pants/jeans");
        assertEquals("4", jeans.get("level"));
        assertEquals("Jeans", jeans.get("meta_title@admin"));
        assertEquals("1", jeans.get("include_in_menu@admin"));
        assertEquals("5", Checksums.text(shops.destination(), "SELECT children_count FROM catalog_category_entity WHERE level = 2"
                + " AND entity_id = (SELECT entity_id FROM catalog_category_entity_varchar v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE a.attribute_code = 'url_key' AND v.value = 'clothing')"), "children counted for the destination");
    }

    @Test
    void productsSimpleCsvWithItsCategoriesFromTheSameSource() throws Exception {
        importFile("category", original("categories.csv"), new JobSpec());

        SyncJob job = importFile("product", original("products_simple.csv"), new JobSpec());

        assertEquals(5, job.report().count(Outcome.CREATED));
        Map<String, Map<String, Object>> products = CatalogView.products(shops.destination());
        Map<String, Object> shirt = products.get("demo-shirt-blu-m");
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) shirt.get("values");
        assertEquals("Blue T-Shirt Medium", values.get("name@admin"));
        assertEquals("29.95", values.get("price@admin"));
        assertEquals("24.95", values.get("special_price@admin"));
        assertEquals("Taxable Goods", values.get("tax_class_id@admin"));
        assertEquals("Default", values.get("set"));
        assertEquals("blue-t-shirt-medium", values.get("url_key@admin"));
        assertEquals(List.of("default category/clothing @0", "default category/clothing/shirts @0",
                "default category/clothing/shirts/t-shirts @0"), shirt.get("categories"), "category_ids are categories.csv's ids");
        assertEquals(List.of("base", "wholesale"), shirt.get("websites"), "no website_ids column: every website");
        assertTrue(shirt.get("stock").toString().contains("qty=100") && shirt.get("stock").toString().contains("is_in_stock=1"));
        @SuppressWarnings("unchecked")
        Map<String, String> guide = (Map<String, String>) products.get("demo-digital-guide").get("values");
        assertEquals("virtual", guide.get("type"));
        assertEquals("none", guide.get("tax_class_id@admin"));

        SyncJob again = importFile("product", original("products_simple.csv"), new JobSpec());
        assertEquals(5, again.report().count(Outcome.UNCHANGED));
    }

    @Test
    void configurableGroupedOptionsAndTierPricesFromCsv() throws Exception {
        Path file = files.resolve("products.csv");
        Files.writeString(file, """
                sku,name,type_id,price,color,size,visibility,super_attributes,configurable_children_skus,grouped_product_skus,tier_prices,custom_options
                TEE,Tee,configurable,20,,,4,size,,,,
                TEE-S,Tee S,simple,20,Red,S,1,,,,,
                TEE-M,Tee M,simple,20,Red,M,1,,,,,
                SET,Mug set,grouped,,,,4,,,MUG:2|TEE-S:1,,
                MUG,Mug,simple,8,Blue,,4,,,,"[{""cust_group"":32000,""qty"":10,""price"":7},{""customer_group_id"":3,""qty"":50,""price"":6}]","[{""title"":""Engraving"",""type"":""field"",""price"":3},{""title"":""Colour"",""type"":""drop_down"",""is_require"":1,""values"":[{""title"":""Gold"",""price"":5},{""title"":""Silver""}]}]"
                """);

        SyncJob job = importFile("product", file, new JobSpec().autoLinkConfigurables(true));

        assertEquals(5, job.report().count(Outcome.CREATED), () -> job.report().invalidSamples().toString());
        Map<String, Map<String, Object>> products = CatalogView.products(shops.destination());
        assertEquals(List.of("tee-m", "tee-s"), products.get("tee").get("super_links"),
                "--auto-link-configurables: the simple lines right after the configurable; the grouped line ends the run of them");
        assertEquals(List.of("size|0|null|null"), products.get("tee").get("super_attributes"));
        assertEquals(List.of("super|mug|[super.position=0, super.qty=2]", "super|tee-s|[super.position=1, super.qty=1]"),
                products.get("set").get("links"));
        assertEquals(List.of("0|Wholesale|50|6|admin", "1|NOT LOGGED IN|10|7|admin"), products.get("mug").get("tier_prices"),
                "group 32000 is all groups; group 3 is the destination's own group 3");
        String options = products.get("mug").get("options").toString();
        assertTrue(options.contains("field|0|") && options.contains("[admin:Engraving]") && options.contains("[admin:3:fixed]"), options);
        assertTrue(options.contains("drop_down|1|") && options.contains("[admin:Gold]") && options.contains("[admin:Silver]"), options);

        SyncJob again = importFile("product", file, new JobSpec().autoLinkConfigurables(true));
        assertEquals(5, again.report().count(Outcome.UNCHANGED));
        assertEquals(products, CatalogView.products(shops.destination()));
    }
}
