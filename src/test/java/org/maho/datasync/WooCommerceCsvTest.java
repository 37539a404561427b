package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * WooCommerce's product CSVs ({@code ../shared/fixtures/woocommerce}: its own sample catalog, and a WooCommerce 9 export
 * of a shop that imported it more than once) synced with {@code -a woocommerce -f} into the clean OpenMage install:
 * categories, attributes and every product by SKU compared with the file as a CSV parser of the test's own reads it;
 * the export's products without a SKU rejected by line with the reason; a second run changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WooCommerceCsvTest {

    private static final Path FILES = Path.of("../shared/fixtures/woocommerce");

    private static CleanInstall shop;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadTheCleanInstall() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FILES), "needs ../shared/fixtures/woocommerce");
        shop = CleanInstall.create("woo_csv_dst");
        destination = shop.destination;
    }

    @AfterAll
    static void dropTheDestination() throws Exception {
        if (shop != null) {
            shop.close();
        }
    }

    private static CliTest.Result sync(String entityType, String file, String... more) {
        return CleanInstall.sync(entityType, "woo", "woocommerce", FILES.resolve(file), more);
    }

    private static List<Map<String, String>> lines(String file) throws Exception {
        return CleanInstall.lines(FILES.resolve(file));
    }

    /** Every product of the file with a SKU: type, name, price, sale price, stock status, as OpenMage should hold them. */
    private static Map<String, String> expected(String file) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (Map<String, String> line : lines(file)) {
            if (line.get("SKU").isEmpty()) {
                continue;
            }
            String type = line.get("Type");
            String openMage = type.contains("variable") ? "configurable" : type.contains("grouped") ? "grouped"
                    : type.contains("external") ? "virtual" : type.contains("downloadable") ? "downloadable" : "simple";
            expected.put(line.get("SKU").toLowerCase(Locale.ROOT), String.join("|", openMage, line.get("Name"), CleanInstall.amount(line.get("Regular price")),
                    CleanInstall.amount(line.get("Sale price")), "0".equals(line.get("In stock?")) ? "0" : "1",
                    type.contains("variation") ? "1" : "hidden".equals(line.get("Visibility in catalog")) ? "1" : "4"));
        }
        return expected;
    }

    private static Map<String, String> actual(Iterable<String> skus) throws Exception {
        Map<String, Map<String, Object>> catalog = CatalogView.products(destination);
        Map<String, String> actual = new TreeMap<>();
        for (String sku : skus) {
            Map<?, ?> values = (Map<?, ?>) catalog.get(sku).get("values");
            actual.put(sku, String.join("|", String.valueOf(values.get("type")), String.valueOf(values.get("name@admin")),
                    CleanInstall.amount(values.get("price@admin")), CleanInstall.amount(values.get("special_price@admin")),
                    Checksums.text(destination, "SELECT s.is_in_stock FROM cataloginventory_stock_item s JOIN catalog_product_entity p"
                            + " ON p.entity_id = s.product_id WHERE p.sku = '" + sku + "'"), String.valueOf(values.get("visibility@admin"))));
        }
        return actual;
    }

    @Test
    @Order(1)
    void theSampleCatalogArrivesByCategoryPathAndSku() throws Exception {
        CliTest.Result categories = sync("category", "sample_products.csv");
        assertEquals(ExitCode.OK, categories.exit(), categories.out() + categories.err());
        assertTrue(categories.out().matches("(?s).*\\ncategory\\s+6\\s+6\\s.*"), categories.out());
        CliTest.Result attributes = sync("productattribute", "sample_products.csv");
        assertEquals(ExitCode.OK, attributes.exit(), attributes.out() + attributes.err());
        CliTest.Result products = sync("product", "sample_products.csv");
        assertEquals(ExitCode.OK, products.exit(), products.out() + products.err());
        assertTrue(products.out().matches("(?s).*\\nproduct\\s+25\\s+25\\s+0\\s+0\\s+0\\s+0\\s.*"), products.out());

        Map<String, String> expected = expected("sample_products.csv");
        assertEquals(expected, actual(expected.keySet()));
        Map<String, List<String>> variations = new TreeMap<>();
        for (Map<String, String> line : lines("sample_products.csv")) {
            if ("variation".equals(line.get("Type"))) {
                variations.computeIfAbsent(line.get("Parent"), parent -> new ArrayList<>()).add(line.get("SKU"));
            }
        }
        StringBuilder children = new StringBuilder();
        variations.forEach((parent, skus) -> children.append(children.length() == 0 ? "" : "|").append(parent).append(':')
                .append(String.join(",", skus.stream().sorted().toList())));
        assertEquals(children.toString(), Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(p.sku, ':', (SELECT"
                + " GROUP_CONCAT(c.sku ORDER BY c.sku) FROM catalog_product_super_link l JOIN catalog_product_entity c ON c.entity_id ="
                + " l.product_id WHERE l.parent_id = p.entity_id)) ORDER BY p.sku SEPARATOR '|') FROM catalog_product_entity p WHERE"
                + " p.type_id = 'configurable'"));
        assertEquals("woo-hoodie:color,wc_logo|woo-vneck-tee:color", Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(p.sku, ':',"
                + " (SELECT GROUP_CONCAT(a.attribute_code ORDER BY s.position) FROM catalog_product_super_attribute s JOIN eav_attribute a"
                + " ON a.attribute_id = s.attribute_id WHERE s.product_id = p.entity_id)) ORDER BY p.sku SEPARATOR '|') FROM"
                + " catalog_product_entity p WHERE p.type_id = 'configurable'"));
        Map<String, String> sourceCategories = new TreeMap<>();
        for (Map<String, String> line : lines("sample_products.csv")) {
            if (!line.get("Categories").isEmpty()) {
                sourceCategories.put(line.get("SKU").toLowerCase(Locale.ROOT), String.join(",", java.util.Arrays.stream(line.get("Categories")
                        .split(",")).map(path -> path.substring(path.lastIndexOf('>') + 1).trim()).sorted().toList()));
            }
        }
        assertEquals(sourceCategories, new TreeMap<>(Checksums.pairs(destination, "SELECT LOWER(p.sku), (SELECT GROUP_CONCAT(n.value ORDER BY"
                + " n.value) FROM catalog_category_product c JOIN catalog_category_entity_varchar n ON n.entity_id = c.category_id AND"
                + " n.store_id = 0 AND n.attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'name' AND"
                + " entity_type_id = 3) WHERE c.product_id = p.entity_id) FROM catalog_product_entity p WHERE EXISTS (SELECT 1 FROM"
                + " catalog_category_product c WHERE c.product_id = p.entity_id)")));
        assertEquals("woo-beanie,woo-hoodie-with-logo,woo-tshirt", Checksums.text(destination, "SELECT GROUP_CONCAT(c.sku ORDER BY c.sku)"
                + " FROM catalog_product_link l JOIN catalog_product_entity c ON c.entity_id = l.linked_product_id JOIN catalog_product_entity p"
                + " ON p.entity_id = l.product_id WHERE p.sku = 'logo-collection'"));

        for (String type : List.of("category", "productattribute", "product")) {
            Map<String, String> before = Checksums.of(destination);
            CliTest.Result again = sync(type, "sample_products.csv");
            assertTrue(again.out().matches("(?s).*\\n" + type + "\\s+\\d+\\s+0\\s+0\\s+\\d+\\s+0\\s+0\\s.*"), again.out());
            Checksums.assertUnchanged(before, Checksums.of(destination));
        }
    }

    @Test
    @Order(2)
    void theWooCommerce9ExportArrivesWithItsProductsWithoutSkuRejectedByLine() throws Exception {
        assertEquals(ExitCode.OK, sync("category", "product-export-2024.csv").exit());
        assertEquals(ExitCode.OK, sync("productattribute", "product-export-2024.csv").exit());
        CliTest.Result products = sync("product", "product-export-2024.csv", "--skip-invalid");
        assertEquals(ExitCode.INVALID_RECORDS, products.exit(), products.out() + products.err());
        List<Map<String, String>> lines = lines("product-export-2024.csv");
        long withoutSku = lines.stream().filter(line -> line.get("SKU").isEmpty()).count();
        assertEquals(9, withoutSku);
        assertTrue(products.out().matches("(?s).*\\nproduct\\s+124\\s+\\d+\\s+\\d+\\s+0\\s+0\\s+9\\s.*"), products.out());
        assertEquals(9, products.out().split("is invalid: SKU: is empty").length - 1, products.out());

        Map<String, String> expected = expected("product-export-2024.csv");
        assertEquals(expected, actual(expected.keySet()));
        Map<String, String> before = Checksums.of(destination);
        CliTest.Result again = sync("product", "product-export-2024.csv", "--skip-invalid");
        assertTrue(again.out().matches("(?s).*\\nproduct\\s+124\\s+0\\s+0\\s+115\\s+0\\s+9\\s.*"), again.out());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    @Test
    @Order(3)
    void aFileOfAnotherKindOrATypeTheCsvDoesNotHoldIsSaidPlainly() throws Exception {
        CliTest.Result shopify = CliTest.run("sync", "product", "woo", "-a", "woocommerce", "-f", "../shared/fixtures/shopify/orders_export.csv");
        assertEquals(ExitCode.FAILED, shopify.exit(), shopify.out());
        assertTrue(shopify.out().contains("orders_export.csv: a WooCommerce product CSV has the columns Type and SKU, which this file lacks"),
                shopify.out());
        CliTest.Result customers = sync("customer", "sample_products.csv");
        assertEquals(ExitCode.FAILED, customers.exit(), customers.out());
        assertTrue(customers.out().contains("sample_products.csv: a WooCommerce product CSV holds categories, attributes and products;"
                + " customer is read from the shop's database (--db-name)"), customers.out());
    }
}
