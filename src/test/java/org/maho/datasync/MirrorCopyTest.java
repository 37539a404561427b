package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * {@code --keep-ids} on the real pair: into the clean install as it comes (its own CMS pages and blocks stand at the
 * sample shop's ids) the run refuses to start and names them; into the clean install without them (a new, empty shop)
 * every entity keeps its source id, the shop's structure keeps it where the install has none of its own there, verify
 * finds the shops equal, a second run changes nothing, and incremental goes on keeping ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorCopyTest {

    /** Tables the clean install has no rows of its own in: after the mirror, exactly the source's ids. */
    private static final Map<String, String> ENTITY_IDS = new java.util.LinkedHashMap<>();

    static {
        ENTITY_IDS.put("customer_entity", "entity_id");
        ENTITY_IDS.put("customer_address_entity", "entity_id");
        ENTITY_IDS.put("catalog_product_entity", "entity_id");
        ENTITY_IDS.put("catalog_product_super_attribute", "product_super_attribute_id");
        ENTITY_IDS.put("cataloginventory_stock_item", "item_id");
        ENTITY_IDS.put("sales_flat_order", "entity_id");
        ENTITY_IDS.put("sales_flat_order_item", "item_id");
        ENTITY_IDS.put("sales_flat_order_address", "entity_id");
        ENTITY_IDS.put("sales_flat_order_payment", "entity_id");
        ENTITY_IDS.put("sales_flat_order_status_history", "entity_id");
        ENTITY_IDS.put("sales_flat_invoice", "entity_id");
        ENTITY_IDS.put("sales_flat_invoice_item", "entity_id");
        ENTITY_IDS.put("sales_flat_shipment", "entity_id");
        ENTITY_IDS.put("sales_flat_shipment_track", "entity_id");
        ENTITY_IDS.put("sales_flat_creditmemo", "entity_id");
        ENTITY_IDS.put("newsletter_subscriber", "subscriber_id");
        ENTITY_IDS.put("cms_page", "page_id");
        ENTITY_IDS.put("cms_block", "block_id");
    }

    @RegisterExtension
    static final RealShops shops = new RealShops("mirror");
    private static ConnectionSettings source;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadFixtures() throws Exception {
        source = shops.source();
        destination = shops.destination();
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(source, destination, command);
    }

    @Test
    @Order(1)
    void aDestinationWithRowsOfItsOwnAtTheSourcesIdsIsRefusedAndNothingWritten() throws Exception {
        Map<String, String> before = Checksums.of(destination);

        CliTest.Result refused = cli("sync", "all", "live", "--keep-ids");

        assertEquals(ExitCode.FAILED, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--keep-ids: the destination has rows of its own"), refused.err());
        assertTrue(refused.err().contains("cms_page 5 (cms_page.page_id): 'enable-cookies|admin' on the destination"), refused.err());
        assertTrue(refused.err().contains("cms_block 3 (cms_block.block_id): 'cookie_restriction_notice_block|admin' on the"
                + " destination, 'electronics-landing|admin' at the source"), refused.err());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    @Test
    @Order(2)
    void intoAnEmptyShopEveryEntityKeepsItsSourceId() throws Exception {
        // a new shop: the clean install without the CMS content it comes with
        TestShops.execute(destination, "DELETE FROM cms_page", "DELETE FROM cms_block");

        CliTest.Result result = cli("sync", "all", "live", "--keep-ids");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        for (Map.Entry<String, String> table : ENTITY_IDS.entrySet()) {
            String ids = "SELECT GROUP_CONCAT(" + table.getValue() + " ORDER BY " + table.getValue() + ") FROM " + table.getKey();
            String atSource = Checksums.text(source, ids);
            assertTrue(atSource != null && !atSource.isEmpty(), table.getKey());
            assertEquals(atSource, Checksums.text(destination, ids), table.getKey());
        }
        String increments = "SELECT GROUP_CONCAT(CONCAT(entity_id, '=', increment_id) ORDER BY entity_id) FROM sales_flat_order";
        assertEquals(Checksums.text(source, increments), Checksums.text(destination, increments));
        // a category's path holds its ancestors' ids: the same ids, the same paths
        String categories = "SELECT GROUP_CONCAT(CONCAT(entity_id, ':', path) ORDER BY entity_id) FROM catalog_category_entity"
                + " WHERE entity_id > 1 AND entity_id IN (%s)";
        String sourceIds = Checksums.text(source, "SELECT GROUP_CONCAT(entity_id) FROM catalog_category_entity WHERE entity_id > 1");
        assertEquals(Checksums.text(source, categories.formatted(sourceIds)), Checksums.text(destination, categories.formatted(sourceIds)));
        // the shop's structure keeps its ids where the clean install has none of its own: the german and french views,
        // and the attributes and options the sample shop added
        String stores = "SELECT GROUP_CONCAT(CONCAT(store_id, '=', code) ORDER BY store_id) FROM core_store";
        assertEquals(Checksums.text(source, stores), Checksums.text(destination, stores));
        // the clean install's attributes end at 133: those above are the ones the sync created
        Map<String, Long> created = idsByCode(destination, "attribute_id > 133");
        Map<String, Long> atSource = idsByCode(source, "attribute_code IN ('" + String.join("', '", created.keySet()) + "')");
        int kept = 0;
        for (Map.Entry<String, Long> attribute : created.entrySet()) {
            long sourceId = atSource.get(attribute.getKey());
            if (sourceId > 133) {
                assertEquals(sourceId, attribute.getValue(), attribute.getKey() + ": its source id was free");
                kept++;
            } else {
                assertTrue(attribute.getValue() > 133, attribute.getKey() + ": its source id " + sourceId + " is the install's own");
            }
        }
        assertTrue(kept >= 20, "kept: " + kept + " of " + created);
        // the install's own two options (gender's Male and Female) are 1 and 2: the source's 1 and 2 (LG, Sony) get new ids
        String productOptions = "SELECT GROUP_CONCAT(CONCAT(o.option_id, '=', v.value) ORDER BY o.option_id) FROM eav_attribute_option o"
                + " JOIN eav_attribute_option_value v ON v.option_id = o.option_id AND v.store_id = 0 JOIN eav_attribute a"
                + " ON a.attribute_id = o.attribute_id JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id"
                + " AND t.entity_type_code = 'catalog_product' WHERE o.option_id %s";
        String sourceOptionIds = Checksums.text(source, "SELECT GROUP_CONCAT(o.option_id) FROM eav_attribute_option o JOIN"
                + " eav_attribute a USING (attribute_id) JOIN eav_entity_type t USING (entity_type_id)"
                + " WHERE t.entity_type_code = 'catalog_product' AND o.option_id > 2");
        assertEquals(Checksums.text(source, productOptions.formatted("IN (" + sourceOptionIds + ")")),
                Checksums.text(destination, productOptions.formatted("IN (" + sourceOptionIds + ")")));
        assertEquals("1=LG,2=Sony", Checksums.text(source, productOptions.formatted("<= 2")));
        long lastSourceOption = Checksums.single(source, "SELECT MAX(o.option_id) FROM eav_attribute_option o JOIN eav_attribute a"
                + " USING (attribute_id) JOIN eav_entity_type t USING (entity_type_id) WHERE t.entity_type_code = 'catalog_product'");
        assertTrue(Checksums.single(destination, "SELECT option_id FROM eav_attribute_option_value WHERE value = 'LG' AND store_id = 0")
                > lastSourceOption, "LG: a new id after the source's product options");

        CliTest.Result verify = cli("verify", "live");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
    }

    /** Product attributes by code, with their ids. */
    private static Map<String, Long> idsByCode(ConnectionSettings shop, String where) throws Exception {
        Map<String, Long> ids = new java.util.TreeMap<>();
        try (java.sql.Connection connection = TestServer.connect(shop); java.sql.Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT a.attribute_code, a.attribute_id FROM eav_attribute a JOIN"
                     + " eav_entity_type t USING (entity_type_id) WHERE t.entity_type_code = 'catalog_product' AND " + where)) {
            while (rows.next()) {
                ids.put(rows.getString(1), rows.getLong(2));
            }
        }
        return ids;
    }

    @Test
    @Order(3)
    void aSecondMirrorRunChangesNothing() throws Exception {
        Map<String, String> before = Checksums.of(destination);

        CliTest.Result again = cli("sync", "all", "live", "--keep-ids");

        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    @Test
    @Order(4)
    void incrementalKeepsIdsOnTheMirror() throws Exception {
        assertEquals(ExitCode.OK, cli("tracker", "install").exit());
        // the destination's own counter is elsewhere: the new customer's id must come from the source
        TestShops.execute(destination, "ALTER TABLE customer_entity AUTO_INCREMENT = 500");
        TestShops.execute(source, "INSERT INTO customer_entity (entity_type_id, attribute_set_id, website_id, email, group_id,"
                + " store_id, created_at, updated_at, is_active) VALUES (1, 0, 1, 'new.on.production@example.com', 1, 1, NOW(), NOW(), 1)");
        String newCustomer = "SELECT entity_id FROM customer_entity WHERE email = 'new.on.production@example.com'";
        for (String name : List.of("firstname", "lastname")) {
            TestShops.execute(source, "INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value)"
                    + " SELECT 1, attribute_id, (" + newCustomer + "), 'Nova' FROM eav_attribute WHERE attribute_code = '" + name
                    + "' AND entity_type_id = 1");
        }

        CliTest.Result incremental = cli("incremental", "live", "--mark-synced", "--keep-ids");

        assertEquals(ExitCode.OK, incremental.exit(), incremental.out() + incremental.err());
        assertEquals(Checksums.single(source, newCustomer), Checksums.single(destination, newCustomer));
        for (String table : List.of("customer_entity", "sales_flat_order")) {
            String ids = "SELECT GROUP_CONCAT(" + ENTITY_IDS.get(table) + " ORDER BY 1) FROM " + table;
            assertEquals(Checksums.text(source, ids), Checksums.text(destination, ids), table);
        }
    }
}
