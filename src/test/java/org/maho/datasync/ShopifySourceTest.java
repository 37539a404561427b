package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Shopify's three exports ({@code ../shared/fixtures/shopify}) synced into the clean OpenMage install with
 * {@code -a shopify}: the product template's options as attributes, its products as configurables of their variants
 * (and the Default Title hat as a simple product), the spreadsheet-damaged customers export (apostrophe zip codes
 * repaired, scientific-notation ids reported, customers without an email rejected with the reason) and its subscribers,
 * and the orders export's 51 orders with their 121 items. Each is compared by natural key with the file's own values,
 * read here with a CSV parser of the test's own. A second run of every file changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopifySourceTest {

    private static final Path FILES = Path.of("../shared/fixtures/shopify");

    private static CleanInstall shop;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadTheCleanInstall() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FILES), "needs ../shared/fixtures/shopify");
        shop = CleanInstall.create("shopify_dst");
        destination = shop.destination;
    }

    @AfterAll
    static void dropTheDestination() throws Exception {
        if (shop != null) {
            shop.close();
        }
    }

    private static CliTest.Result sync(String entityType, String file, String... more) {
        return CleanInstall.sync(entityType, "shop", "shopify", FILES.resolve(file), more);
    }

    private static List<Map<String, String>> lines(String file) throws Exception {
        return CleanInstall.lines(FILES.resolve(file));
    }

    private static void assertCounts(CliTest.Result result, String entityType, int read, int created, int updated, int unchanged,
                                     int skipped, int invalid) {
        assertTrue(result.out().matches("(?s).*\\n" + entityType + "\\s+" + read + "\\s+" + created + "\\s+" + updated + "\\s+"
                + unchanged + "\\s+" + skipped + "\\s+" + invalid + "\\s.*"), entityType + " counts: " + result.out());
    }

    @Test
    @Order(1)
    void everyVariantArrivesAsAChildOfItsConfigurableWithItsOptionsPriceStockAndWeight(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        CliTest.Result attributes = sync("productattribute", "product_template.csv");
        assertEquals(ExitCode.OK, attributes.exit(), attributes.out() + attributes.err());
        CliTest.Result products = sync("product", "product_template.csv");
        assertEquals(ExitCode.OK, products.exit(), products.out() + products.err());
        assertCounts(products, "product", 18, 18, 0, 0, 0, 0);

        assertProductsAsInTheFile();

        assertUnchangedOnASecondRun("productattribute", "product_template.csv", 7);
        assertUnchangedOnASecondRun("product", "product_template.csv", 18);

        // the same products under the column names of Shopify's 2024 export are the same products: nothing changes
        Path renamed = dir.resolve("products_export_2024.csv");
        List<String> lines = Files.readAllLines(FILES.resolve("product_template.csv"));
        String header = lines.get(0);
        for (String[] names : RENAMED_2024) {
            header = header.replaceAll("(^|,)" + java.util.regex.Pattern.quote(names[0]) + "(?=,|$)", "$1" + names[1]);
        }
        assertTrue(header.startsWith("URL handle,Title,Description,"), header);
        lines.set(0, header);
        Files.write(renamed, lines);
        Map<String, String> before = Checksums.of(destination);
        CliTest.Result again = CliTest.run("sync", "product", "shop", "-a", "shopify", "-f", renamed.toString());
        assertCounts(again, "product", 18, 0, 0, 18, 0, 0);
        Checksums.assertUnchanged(before, Checksums.of(destination));
        // and read afresh, every value arrives from the new names
        TestShops.execute(destination, "DELETE FROM catalog_product_entity");
        CliTest.Result afresh = CliTest.run("sync", "product", "shop", "-a", "shopify", "-f", renamed.toString());
        assertCounts(afresh, "product", 18, 18, 0, 0, 0, 0);
        assertProductsAsInTheFile();
    }

    /** Every variant by SKU as the file says (name, price, special price, status, weight, options, stock), children, images. */
    private static void assertProductsAsInTheFile() throws Exception {
        // the file's own values: per variant SKU, and each handle's SKU (its variant's, or the handle where it has options)
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> children = new TreeMap<>();
        Map<String, String> first = new LinkedHashMap<>();
        String handle = null;
        for (Map<String, String> line : lines("product_template.csv")) {
            if (!line.get("Title").isEmpty()) {
                first = line;
                handle = line.get("Handle");
            }
            if (line.get("Variant SKU").isEmpty()) {
                continue;
            }
            boolean simple = "Default Title".equals(line.get("Option1 Value"));
            String price = line.get("Variant Price");
            String compare = line.get("Variant Compare At Price");
            boolean sale = !compare.isEmpty() && new BigDecimal(compare).compareTo(new BigDecimal(price)) > 0;
            List<String> options = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                if (!simple && !first.get("Option" + i + " Name").isEmpty()) {
                    options.add(first.get("Option" + i + " Name").toLowerCase() + "=" + line.get("Option" + i + " Value"));
                }
            }
            String grams = new BigDecimal(line.get("Variant Grams")).divide(new BigDecimal(1000), 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            expected.put(line.get("Variant SKU").toLowerCase(), String.join("|", simple ? first.get("Title") : first.get("Title") + " - "
                    + String.join(" / ", options.stream().map(o -> o.substring(o.indexOf('=') + 1)).toList()), CleanInstall.amount(sale ? compare : price),
                    sale ? CleanInstall.amount(price) : "-", "active".equals(first.get("Status")) ? "1" : "2", grams, String.join(",", options),
                    CleanInstall.amount(line.get("Variant Inventory Qty"))));
            if (!simple) {
                children.merge(handle, line.get("Variant SKU").toLowerCase(), (a, b) -> a + "," + b);
            }
        }
        Map<String, Map<String, Object>> catalog = CatalogView.products(destination);
        Map<String, String> actual = new TreeMap<>();
        for (String sku : expected.keySet()) {
            Map<?, ?> values = (Map<?, ?>) catalog.get(sku).get("values");
            List<String> options = new ArrayList<>();
            for (String code : List.of("color", "size")) {
                if (values.get(code + "@admin") != null) {
                    options.add(code + "=" + values.get(code + "@admin"));
                }
            }
            actual.put(sku, String.join("|", String.valueOf(values.get("name@admin")), CleanInstall.amount(String.valueOf(values.get("price@admin"))),
                    values.get("special_price@admin") == null ? "-" : CleanInstall.amount(String.valueOf(values.get("special_price@admin"))),
                    String.valueOf(values.get("status@admin")), CleanInstall.amount(String.valueOf(values.get("weight@admin"))), String.join(",", options),
                    CleanInstall.amount(Checksums.text(destination, "SELECT s.qty FROM cataloginventory_stock_item s JOIN catalog_product_entity p"
                            + " ON p.entity_id = s.product_id WHERE p.sku = '" + sku + "'"))));
        }
        assertEquals(expected, actual);
        for (Map.Entry<String, String> configurable : children.entrySet()) {
            assertEquals(configurable.getValue(), Checksums.text(destination, "SELECT GROUP_CONCAT(LOWER(c.sku) ORDER BY c.sku) FROM"
                    + " catalog_product_super_link l JOIN catalog_product_entity c ON c.entity_id = l.product_id JOIN"
                    + " catalog_product_entity p ON p.entity_id = l.parent_id WHERE p.sku = '" + configurable.getKey() + "'"));
        }
        assertEquals("example-pants:4|example-shirt:6|hat_gry_275:1", Checksums.text(destination,
                "SELECT GROUP_CONCAT(CONCAT(LOWER(p.sku), ':', (SELECT COUNT(*) FROM catalog_product_entity_media_gallery g WHERE"
                        + " g.entity_id = p.entity_id)) ORDER BY p.sku SEPARATOR '|') FROM catalog_product_entity p WHERE p.type_id <> 'simple'"
                        + " OR p.sku = 'HAT_GRY_275'"));
        assertEquals("/photos/kids-beanie.jpg|Gray Heather Beanie", Checksums.text(destination, "SELECT CONCAT(g.value, '|', v.label) FROM"
                + " catalog_product_entity_media_gallery g JOIN catalog_product_entity_media_gallery_value v USING (value_id) JOIN"
                + " catalog_product_entity p ON p.entity_id = g.entity_id WHERE p.sku = 'HAT_GRY_275'"));
    }

    /** Columns Shopify renamed in its 2024 product export, old name to new. */
    private static final String[][] RENAMED_2024 = {{"Handle", "URL handle"}, {"Body (HTML)", "Description"},
            {"Product Category", "Product category"}, {"Published", "Published on online store"}, {"Option1 Name", "Option1 name"},
            {"Option1 Value", "Option1 value"}, {"Option2 Name", "Option2 name"}, {"Option2 Value", "Option2 value"},
            {"Option3 Name", "Option3 name"}, {"Option3 Value", "Option3 value"}, {"Variant SKU", "SKU"}, {"Variant Grams", "Weight value (grams)"},
            {"Variant Inventory Tracker", "Inventory tracker"}, {"Variant Inventory Qty", "Inventory quantity"},
            {"Variant Inventory Policy", "Continue selling when out of stock"}, {"Variant Fulfillment Service", "Fulfillment service"},
            {"Variant Price", "Price"}, {"Variant Compare At Price", "Compare-at price"}, {"Variant Requires Shipping", "Requires shipping"},
            {"Variant Taxable", "Charge tax"}, {"Variant Barcode", "Barcode"}, {"Image Src", "Product image URL"},
            {"Image Position", "Image position"}, {"Image Alt Text", "Image alt text"}, {"Variant Image", "Variant image URL"},
            {"Variant Weight Unit", "Weight unit for display"}, {"SEO Title", "SEO title"}, {"SEO Description", "SEO description"}};

    @Test
    @Order(2)
    void customersArriveByEmailWithTheirAddressRepairedAndTheDamagedValuesReported() throws Exception {
        CliTest.Result customers = sync("customer", "customers_export.csv", "--skip-invalid");
        assertEquals(ExitCode.INVALID_RECORDS, customers.exit(), customers.out() + customers.err());
        assertCounts(customers, "customer", 8, 5, 0, 0, 0, 3);
        assertTrue(customers.out().contains("8x customer: its Customer ID is in scientific notation"), customers.out());
        assertTrue(customers.out().contains("1x customer: its phone is in scientific notation"), customers.out());
        for (int line : List.of(5, 6, 7)) {
            assertTrue(customers.out().contains("customers_export.csv line " + line + " is invalid: Email: is empty"), customers.out());
        }

        Map<String, String> expected = new TreeMap<>();
        for (Map<String, String> line : lines("customers_export.csv")) {
            if (!line.get("Email").isEmpty()) {
                String phone = line.get("Phone").matches(".*E\\+.*") ? "" : line.get("Phone");
                expected.put(line.get("Email"), String.join("|", line.get("First Name"), line.get("Last Name"),
                        line.get("Address1") + (line.get("Address2").isEmpty() ? "" : "\n" + line.get("Address2")), line.get("City"),
                        line.get("Zip").replace("'", ""), line.get("Country Code"), line.get("Province"), phone));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        CustomerView.load(destination).forEach((key, customer) -> {
            Map<String, String> address = customer.addresses().size() == 1 ? customer.addresses().get(0) : Map.of();
            actual.put(key.substring(0, key.indexOf('|')), String.join("|", customer.value("firstname"), customer.value("lastname"),
                    address.get("street"), address.get("city"), address.get("postcode"), address.get("country_id"), address.get("region"),
                    address.getOrDefault("telephone", "")));
        });
        assertEquals(expected, actual);

        CliTest.Result subscribers = sync("newsletter", "customers_export.csv", "--skip-invalid");
        assertEquals(ExitCode.INVALID_RECORDS, subscribers.exit(), subscribers.out() + subscribers.err());
        long accepting = lines("customers_export.csv").stream().filter(line -> "yes".equals(line.get("Accepts Email Marketing"))).count();
        assertCounts(subscribers, "newsletter", 8, (int) accepting, 0, 0, 5 - (int) accepting, 3);
        assertEquals(String.join(",", lines("customers_export.csv").stream().filter(line -> "yes".equals(line.get("Accepts Email Marketing")))
                .map(line -> line.get("Email") + ":1").sorted().toList()), Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT("
                + "s.subscriber_email, ':', s.subscriber_status) ORDER BY s.subscriber_email) FROM newsletter_subscriber s JOIN customer_entity c"
                + " ON c.entity_id = s.customer_id AND c.email = s.subscriber_email"));

        assertUnchangedOnASecondRun("customer", "customers_export.csv", 8, "--skip-invalid");
        assertUnchangedOnASecondRun("newsletter", "customers_export.csv", 8, "--skip-invalid");
    }

    @Test
    @Order(3)
    void everyOrderArrivesWithItsItemsTotalsAddressesAndStatus() throws Exception {
        CliTest.Result orders = sync("order", "orders_export.csv");
        assertEquals(ExitCode.OK, orders.exit(), orders.out() + orders.err());
        assertCounts(orders, "order", 51, 51, 0, 0, 0, 0);

        Map<String, String> expected = new TreeMap<>();
        Map<String, BigDecimal> quantities = new TreeMap<>();
        Map<String, Integer> items = new TreeMap<>();
        for (Map<String, String> line : lines("orders_export.csv")) {
            String number = line.get("Name").substring(1);
            items.merge(number, 1, Integer::sum);
            quantities.merge(number, new BigDecimal(line.get("Lineitem quantity")), BigDecimal::add);
            if (!line.get("Financial Status").isEmpty()) {
                expected.put(number, String.join("|", "paid".equals(line.get("Financial Status")) && "unfulfilled".equals(line.get("Fulfillment Status"))
                        ? "processing/processing" : "?", CleanInstall.amount(line.get("Subtotal")), CleanInstall.amount(line.get("Taxes")), CleanInstall.amount(line.get("Total")),
                        CleanInstall.amount(line.get("Total")), line.get("Email").isEmpty() ? "-" : line.get("Email"), line.get("Id"),
                        line.get("Billing Zip").isEmpty() ? "-" : line.get("Billing Zip").replace("'", "")));
            }
        }
        expected.replaceAll((number, values) -> values + "|" + items.get(number) + "|" + CleanInstall.amount(quantities.get(number).toPlainString()));
        Map<String, String> actual = new TreeMap<>(Checksums.pairs(destination, "SELECT o.increment_id, CONCAT_WS('|', CONCAT(o.state, '/',"
                + " o.status), " + amount("o.subtotal") + ", " + amount("o.tax_amount") + ", " + amount("o.grand_total") + ", "
                + amount("o.total_paid") + ", COALESCE(o.customer_email, '-'), o.ext_order_id, COALESCE((SELECT a.postcode FROM"
                + " sales_flat_order_address a WHERE a.parent_id = o.entity_id AND a.address_type = 'billing'), '-'), (SELECT COUNT(*) FROM"
                + " sales_flat_order_item i WHERE i.order_id = o.entity_id), " + amount("o.total_qty_ordered") + ") FROM sales_flat_order o"));
        assertEquals(expected, actual);
        assertEquals(121, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order_item"));
        long named = lines("orders_export.csv").stream().filter(line -> !line.get("Billing Name").isEmpty()).count();
        assertEquals(named, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order o JOIN sales_flat_order_address a ON"
                + " a.entity_id = o.billing_address_id AND a.address_type = 'billing' AND a.firstname IS NOT NULL"),
                "every order with a billing name has its billing address, a name alone included");
        assertEquals(lines("orders_export.csv").stream().map(line -> new BigDecimal(line.get("Lineitem price"))
                        .multiply(new BigDecimal(line.get("Lineitem quantity")))).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString(),
                Checksums.text(destination, "SELECT " + amount("SUM(row_total)") + " FROM sales_flat_order_item"));

        assertUnchangedOnASecondRun("order", "orders_export.csv", 51);
    }

    /** The export with order #1044 refunded in part (the fixture has no refund), as Shopify writes it. */
    @Test
    @Order(4)
    void aRefundedAmountIsACreditMemoOfItsOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path refunded = dir.resolve("orders_export.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(FILES.resolve("orders_export.csv"))) {
            lines.add(line.startsWith("#1044,buyer2@example.org,paid,") ? line.replace(",paid,", ",partially_refunded,")
                    .replace(",0.00,Serenity Home,", ",899.00,Serenity Home,") : line);
        }
        Files.write(refunded, lines);
        CliTest.Result orders = CliTest.run("sync", "order", "shop", "-a", "shopify", "-f", refunded.toString());
        assertEquals(ExitCode.OK, orders.exit(), orders.out() + orders.err());
        assertCounts(orders, "order", 51, 0, 1, 50, 0, 0);
        CliTest.Result memos = CliTest.run("sync", "creditmemo", "shop", "-a", "shopify", "-f", refunded.toString());
        assertEquals(ExitCode.OK, memos.exit(), memos.out() + memos.err());
        assertCounts(memos, "creditmemo", 1, 1, 0, 0, 0, 0);
        assertEquals("1044|1044|2|899|899|INR|899|processing", Checksums.text(destination, "SELECT CONCAT_WS('|', c.increment_id,"
                + " o.increment_id, c.state, " + amount("c.grand_total") + ", " + amount("c.adjustment_positive") + ", c.order_currency_code, "
                + amount("o.total_refunded") + ", o.state) FROM sales_flat_creditmemo c JOIN sales_flat_order o ON o.entity_id = c.order_id"));
        CliTest.Result again = CliTest.run("sync", "creditmemo", "shop", "-a", "shopify", "-f", refunded.toString());
        assertCounts(again, "creditmemo", 1, 0, 0, 1, 0, 0);
    }

    @Test
    @Order(5)
    void anExportGivenAsAnotherOrAFileWithoutAHandleIsRefusedNamingWhatItIs() throws Exception {
        CliTest.Result asOrders = sync("order", "product_template.csv");
        assertEquals(ExitCode.FAILED, asOrders.exit(), asOrders.out());
        assertTrue(asOrders.out().contains("product_template.csv: this is a Shopify product export (it has the column Handle), not an"
                + " order export: sync it with sync product <source> -a shopify -f product_template.csv"), asOrders.out());
        CliTest.Result noHandle = CliTest.run("sync", "product", "shop", "-a", "shopify", "-f", "examples/customers.csv");
        assertEquals(ExitCode.FAILED, noHandle.exit(), noHandle.out());
        assertTrue(noHandle.out().contains("customers.csv: a Shopify product export has the column Handle (or URL handle), which this file"
                + " lacks"), noHandle.out());
        assertTrue(!asOrders.out().contains("Exception") && !noHandle.out().contains("Exception"), "no stack trace");
    }

    /** An amount as text without trailing zeros, as {@link #trimmed} gives the file's. */
    private static String amount(String decimal) {
        return "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(" + decimal + " AS DECIMAL(14,4))))";
    }

    private static void assertUnchangedOnASecondRun(String entityType, String file, int records, String... more) throws Exception {
        Map<String, String> before = Checksums.of(destination);
        CliTest.Result again = sync(entityType, file, more);
        assertTrue(again.out().matches("(?s).*\\n" + entityType + "\\s+" + records + "\\s+0\\s+0\\s+\\d+\\s.*"), again.out());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }
}
