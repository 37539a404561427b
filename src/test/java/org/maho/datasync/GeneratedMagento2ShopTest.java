package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.Magento2Shop;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;

/**
 * A round trip through Magento 2: {@code generate --layout magento2 --luma} makes a Magento 2.4 shop of a generated
 * OpenMage shop with the Luma catalog as Magento's migration tool would, {@code sync all -a magento2} brings it into the
 * clean OpenMage install, and what arrives is compared with the OpenMage shop generated with the same seed: every
 * customer's values (its own attributes' too) and addresses, every category with its values at every store view, every
 * product with every part, every review with its vote, every cart rule's coupons, every order (with the rules it
 * applied), invoice, shipment and credit memo with its items (their PHP-serialized values byte for byte), every
 * subscriber and CMS page and block. What Magento 2 holds is compared by {@code verify -a magento2}; a second run
 * changes nothing.
 */
class GeneratedMagento2ShopTest {

    private static final String[] SIZE = {"--customers", "250", "--products", "30", "--orders", "120", "--seed", "11"};

    private static DatabaseServer server;
    private static ConnectionSettings openMage;
    private static ConnectionSettings magento2;
    private static ConnectionSettings destination;

    @BeforeAll
    static void generateBothShops() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(Magento2Shop.FIXTURE_SCHEMA), "needs ../shared/fixtures/magento2");
        server = TestServer.get();
        openMage = server.database(TestServer.uniqueName("m1_gen"));
        magento2 = server.database(TestServer.uniqueName("m2_gen"));
        destination = server.database(TestServer.uniqueName("m2_gen_dst"));
        CliTest.Result generated = CliTest.run(concat(new String[] {"generate", "--layout", "magento2", "--luma", "--db-name", magento2.database(),
                "--db-host", magento2.host(), "--db-port", String.valueOf(magento2.port()), "--db-user", magento2.user()}, SIZE));
        assertEquals(ExitCode.OK, generated.exit(), generated.out() + generated.err());
        assertTrue(generated.out().contains("magento2 layout"), generated.out());
        // the same shop as OpenMage keeps it: the generators are deterministic for a seed
        SampleShop.create(server, openMage.database(), ShopSeeder.Layout.SOURCE);
        SampleShop.addCustomers(openMage, 250, 11, 1.5);
        SampleShop.addCatalog(openMage, 30, 11);
        SampleShop.addLuma(openMage, SampleShop.LUMA_FIXTURES);
        SampleShop.addSales(openMage, 120, 11);
        server.createDatabase(destination.database());
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
    }

    @AfterAll
    static void drop() throws Exception {
        if (server != null) {
            for (ConnectionSettings shop : new ConnectionSettings[] {openMage, magento2, destination}) {
                server.dropDatabase(shop.database());
            }
        }
    }

    @Test
    void aGeneratedMagento2ShopArrivesAsTheOpenMageShopItWasMadeFrom() throws Exception {
        assertEquals(250, Checksums.single(magento2, "SELECT COUNT(*) FROM customer_entity WHERE firstname IS NOT NULL"),
                "Magento 2 keeps the names as static columns");
        assertEquals(0, Checksums.single(magento2, "SELECT COUNT(*) FROM sales_order_item WHERE product_options LIKE 'a:%'"),
                "Magento 2 keeps product options as JSON");

        CliTest.Result sync = CliTest.runAgainst(magento2, destination, "sync", "all", "live", "-a", "magento2");
        assertEquals(ExitCode.OK, sync.exit(), sync.out() + sync.err());

        Map<String, Set<String>> columns = SalesView.commonColumns(openMage, destination);
        Map<String, String> expected = SalesView.load(openMage, columns, UnaryOperator.identity());
        assertTrue(expected.keySet().stream().filter(key -> key.startsWith("order ")).count() == 120, expected.keySet().toString());
        SalesView.assertSameDocuments(expected, SalesView.load(destination, columns, UnaryOperator.identity()));

        Set<String> destinationRegions = Checksums.pairs(destination, "SELECT CONCAT(country_id, '/', code), region_id FROM"
                + " directory_country_region").keySet();
        Map<String, CustomerView.Customer> arrived = CustomerView.load(destination);
        Map<String, CustomerView.Customer> generated = CustomerView.load(openMage);
        assertEquals(250, generated.size());
        for (Map.Entry<String, CustomerView.Customer> customer : generated.entrySet()) {
            CustomerView.Customer other = arrived.get(customer.getKey());
            assertTrue(other != null, customer.getKey() + " arrived");
            assertEquals(values(customer.getValue()), values(other), customer.getKey());
            assertEquals(inDirectory(customer.getValue().addresses(), destinationRegions), other.addresses(), customer.getKey());
            assertEquals(inDirectory(customer.getValue().defaultBilling(), destinationRegions), other.defaultBilling(), customer.getKey());
            assertEquals(inDirectory(customer.getValue().defaultShipping(), destinationRegions), other.defaultShipping(), customer.getKey());
        }

        Map<String, Map<String, String>> categories = CatalogView.categories(destination);
        Map<String, Map<String, String>> generatedCategories = CatalogView.categories(openMage);
        assertTrue(generatedCategories.size() > 5, generatedCategories.keySet().toString());
        generatedCategories.forEach((path, values) -> assertEquals(values, categories.get(path), path));

        Set<String> magento2Attributes = Checksums.pairs(magento2, "SELECT a.attribute_code, a.attribute_id FROM eav_attribute a JOIN"
                + " eav_entity_type t USING (entity_type_id) WHERE t.entity_type_code = 'catalog_product'").keySet();
        Map<String, Map<String, Object>> products = CatalogView.products(destination);
        Map<String, Map<String, Object>> generatedProducts = CatalogView.products(openMage);
        assertTrue(generatedProducts.size() > 2000, "30 generated products and the Luma catalog: " + generatedProducts.size());
        Set<String> types = generatedProducts.values().stream().map(product -> ((Map<?, ?>) product.get("values")).get("type").toString())
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(types.containsAll(Set.of("simple", "downloadable", "configurable", "grouped", "bundle")), types.toString());
        for (Map.Entry<String, Map<String, Object>> product : generatedProducts.entrySet()) {
            assertEquals(asInMagento2(product.getValue(), magento2Attributes), products.get(product.getKey()), product.getKey());
        }
        String coupons = "SELECT GROUP_CONCAT(CONCAT_WS('|', r.name, c.code, c.usage_limit, c.usage_per_customer, c.times_used,"
                + " (SELECT GROUP_CONCAT(a.attribute_code ORDER BY a.attribute_code) FROM salesrule_product_attribute x JOIN eav_attribute a"
                + " ON a.attribute_id = x.attribute_id WHERE x.rule_id = r.rule_id AND x.website_id = 1 AND x.customer_group_id = 1))"
                + " ORDER BY c.code SEPARATOR '\\n') FROM salesrule_coupon c JOIN salesrule r ON r.rule_id = c.rule_id";
        assertTrue(Checksums.text(openMage, coupons).contains("REDBLUE5"), "the generated cart rules and coupons");
        assertEquals(Checksums.text(openMage, coupons), Checksums.text(destination, coupons), "cart rules with their coupons and use");

        String reviews = Checksums.text(openMage, ReviewsTest.REVIEWS);
        assertTrue(reviews.split("\n").length > 300, "the Luma catalog's reviews");
        assertEquals(reviews, Checksums.text(destination, ReviewsTest.REVIEWS), "every review with its vote");
        assertEquals(lines(Checksums.text(openMage, ReviewsTest.RATINGS), "Rating|"), lines(Checksums.text(destination,
                ReviewsTest.RATINGS), "Rating|"), "the Luma catalog's rating with its options and store views");
        assertTrue(sync.out().contains("multi-source inventory"), "the report says where stock comes from: " + sync.out());

        CliTest.Result verify = CliTest.runAgainst(magento2, destination, "verify", "live", "-a", "magento2");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());

        Map<String, String> before = Checksums.of(destination);
        CliTest.Result again = CliTest.runAgainst(magento2, destination, "sync", "all", "live", "-a", "magento2");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    /**
     * A generated product as Magento 2 can hold it, as Magento's migration tool moves it: its group prices are tier prices
     * of quantity 1, a configurable's option prices (which Magento 2 has no place for) are gone, and so are the values of
     * attributes the tool leaves behind (Magento 2 has none of that code).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asInMagento2(Map<String, Object> product, Set<String> magento2Attributes) {
        Map<String, Object> moved = new TreeMap<>(product);
        Map<String, String> values = new TreeMap<>((Map<String, String>) product.get("values"));
        values.keySet().removeIf(key -> key.contains("@") && !magento2Attributes.contains(key.substring(0, key.indexOf('@'))));
        moved.put("values", values);
        java.util.List<String> tiers = new java.util.ArrayList<>((java.util.List<String>) product.getOrDefault("tier_prices", java.util.List.of()));
        for (String group : (java.util.List<String>) product.getOrDefault("group_prices", java.util.List.of())) {
            String[] parts = group.split("\\|");
            tiers.add(parts[0] + "|" + parts[1] + "|1|" + parts[2] + "|" + parts[3]);
        }
        moved.remove("group_prices");
        if (!tiers.isEmpty()) {
            tiers.sort(null);
            moved.put("tier_prices", tiers);
        }
        if (product.get("super_attributes") instanceof java.util.List<?> attributes) {
            moved.put("super_attributes", attributes.stream().map(attribute -> attribute.toString()
                    .replaceFirst("\\|[^|]*$", "|null")).sorted().toList());
        }
        return moved;
    }

    private static java.util.List<String> lines(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    /** A customer's values by code, as they read across shops. */
    private static Map<String, String> values(CustomerView.Customer customer) {
        Map<String, String> values = new TreeMap<>();
        customer.values().forEach((code, value) -> values.put(code, value.canonical()));
        return values;
    }

    /**
     * Addresses as the destination can hold them: a region its directory lacks (OpenMage 19.5.3 has no Australian
     * states) stays the address's text, without a region id.
     */
    private static java.util.List<Map<String, String>> inDirectory(java.util.List<Map<String, String>> addresses, Set<String> regions) {
        return addresses.stream().map(address -> {
            Map<String, String> held = new TreeMap<>(address);
            if (held.get("region_id") != null && !regions.contains(held.get("region_id"))) {
                held.remove("region_id");
            }
            return held;
        }).toList();
    }

    /** The same for an address as a customer's default renders it. */
    private static String inDirectory(String address, Set<String> regions) {
        java.util.regex.Matcher region = java.util.regex.Pattern.compile(", region_id=(\\w+/\\w+)").matcher(address == null ? "" : address);
        return address != null && region.find() && !regions.contains(region.group(1)) ? address.replace(region.group(), "") : address;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
