package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.cli.ExitCode;

/**
 * Cart price rules from a generated shop (the sample shop has none) into a destination that has a rule of its own, so
 * that every id differs: rules by name with their websites, groups, labels, coupons and uses by customer; the ids in
 * their conditions (options, categories, an attribute set, a tax class, a region) and in the orders' applied rules
 * mapped; an order placed with a coupon afterwards shows the coupon used on the destination after an incremental run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CartRulesTest {

    /** A rule as a shop's admin and checkout see it, by codes and emails. */
    private static final String RULES = "SELECT GROUP_CONCAT(CONCAT_WS('|', r.name, r.description, r.from_date, IFNULL(r.to_date, '-'),"
            + " r.uses_per_customer, r.is_active, r.simple_action, r.discount_amount, r.times_used, r.coupon_type, r.use_auto_generation,"
            + " (SELECT GROUP_CONCAT(w.code ORDER BY w.code) FROM salesrule_website x JOIN core_website w ON w.website_id = x.website_id"
            + " WHERE x.rule_id = r.rule_id),"
            + " (SELECT GROUP_CONCAT(g.customer_group_code ORDER BY g.customer_group_code) FROM salesrule_customer_group x"
            + " JOIN customer_group g ON g.customer_group_id = x.customer_group_id WHERE x.rule_id = r.rule_id),"
            + " IFNULL((SELECT GROUP_CONCAT(s.code, ':', l.label ORDER BY s.code) FROM salesrule_label l JOIN core_store s"
            + " ON s.store_id = l.store_id WHERE l.rule_id = r.rule_id), '-'),"
            + " IFNULL((SELECT GROUP_CONCAT(DISTINCT a.attribute_code ORDER BY a.attribute_code) FROM salesrule_product_attribute x"
            + " JOIN eav_attribute a ON a.attribute_id = x.attribute_id WHERE x.rule_id = r.rule_id), '-'),"
            + " IFNULL((SELECT GROUP_CONCAT(c.code, ':', c.times_used, ':', IFNULL(c.is_primary, '-'), ':', IFNULL((SELECT GROUP_CONCAT("
            + "ce.email, '=', u.times_used ORDER BY ce.email) FROM salesrule_coupon_usage u JOIN customer_entity ce ON ce.entity_id = u.customer_id"
            + " WHERE u.coupon_id = c.coupon_id), '') ORDER BY c.code) FROM salesrule_coupon c WHERE c.rule_id = r.rule_id), '-'),"
            + " IFNULL((SELECT GROUP_CONCAT(ce.email, '=', x.times_used ORDER BY ce.email) FROM salesrule_customer x"
            + " JOIN customer_entity ce ON ce.entity_id = x.customer_id WHERE x.rule_id = r.rule_id), '-'))"
            + " ORDER BY r.name SEPARATOR '\\n') FROM salesrule r WHERE r.name <> 'The destination''s welcome'";
    /** Each order's coupon and the names of the rules it applied. */
    private static final String ORDERS = "SELECT GROUP_CONCAT(o.increment_id, ':', IFNULL(o.coupon_code, '-'), ':', IFNULL((SELECT r.name"
            + " FROM salesrule r WHERE r.rule_id = o.applied_rule_ids), '-') ORDER BY o.increment_id) FROM sales_flat_order o";

    private static TestShops shops;

    @BeforeAll
    static void shopsWithRulesAndADestinationRuleOfItsOwn() throws Exception {
        shops = new TestShops("cartrules").withCustomers(60, 21).withCatalog(40, 22).withSales(90, 23);
        TestShops.execute(shops.destination(), "INSERT INTO salesrule (name, description, is_active, discount_step, coupon_type,"
                + " simple_action, discount_amount) VALUES ('The destination''s welcome', 'its own', 1, 0, 2, 'by_percent', 5)",
                "INSERT INTO salesrule_coupon (rule_id, code, is_primary, created_at) VALUES (LAST_INSERT_ID(), 'WELCOME', 1, NOW())");
    }

    @AfterAll
    static void drop() throws Exception {
        if (shops != null) {
            shops.close();
        }
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(shops.source(), shops.destination(), command);
    }

    @Test
    @Order(1)
    void rulesCouponsAndUsesArriveByNameWithEveryIdMapped() throws Exception {
        CliTest.Result result = cli("sync", "all", "live");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\nsalesrule\\s+5\\s+5\\s.*"), "5 rules read and created: " + result.out());
        assertTrue(Checksums.single(shops.source(), "SELECT COUNT(*) FROM salesrule_coupon_usage") > 0, "the generator used coupons");
        assertEquals(Checksums.text(shops.source(), RULES), Checksums.text(shops.destination(), RULES));
        assertEquals(Checksums.text(shops.source(), ORDERS), Checksums.text(shops.destination(), ORDERS));
        assertEquals("WELCOME", Checksums.text(shops.destination(), "SELECT GROUP_CONCAT(code) FROM salesrule_coupon c JOIN salesrule r"
                + " ON r.rule_id = c.rule_id WHERE r.name = 'The destination''s welcome'"), "the destination's own rule stays");

        String redAndBlue = "SELECT GROUP_CONCAT(o.option_id ORDER BY v.value DESC) FROM eav_attribute_option o"
                + " JOIN eav_attribute_option_value v ON v.option_id = o.option_id AND v.store_id = 0 JOIN eav_attribute a"
                + " ON a.attribute_id = o.attribute_id AND a.attribute_code = 'color' WHERE v.value IN ('Red', 'Blue')";
        String colours = Checksums.text(shops.destination(), redAndBlue);
        assertTrue(!colours.equals(Checksums.text(shops.source(), redAndBlue)), "the two shops number their options otherwise");
        assertTrue(Checksums.text(shops.destination(), "SELECT conditions_serialized FROM salesrule WHERE name = 'Red and blue five off'")
                .contains("s:" + colours.length() + ":\"" + colours + "\""), "the colour condition names the destination's Red and Blue");

        CliTest.Result verify = cli("verify", "live");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().matches("(?s).*\\nsalesrule\\s+5\\s+5\\s+0\\s+0\\s.*"), verify.out());

        Map<String, String> before = Checksums.of(shops.destination());
        CliTest.Result again = cli("sync", "salesrule", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }

    /** What OpenMage's checkout writes when a customer's order uses a coupon, done in SQL on the source. */
    @Test
    @Order(2)
    void anOrderPlacedWithACouponShowsItUsedOnTheDestinationAfterAnIncrementalRun() throws Exception {
        assertEquals(ExitCode.OK, cli("tracker", "install").exit());
        long order = Checksums.single(shops.source(), "SELECT MIN(entity_id) FROM sales_flat_order WHERE coupon_code IS NULL"
                + " AND customer_id NOT IN (SELECT customer_id FROM salesrule_customer)");
        String increment = Checksums.text(shops.source(), "SELECT increment_id FROM sales_flat_order WHERE entity_id = " + order);
        String email = Checksums.text(shops.source(), "SELECT c.email FROM sales_flat_order o JOIN customer_entity c ON c.entity_id"
                + " = o.customer_id WHERE o.entity_id = " + order);
        long rule = Checksums.single(shops.source(), "SELECT rule_id FROM salesrule WHERE name = 'Red and blue five off'");
        TestShops.execute(shops.source(),
                "UPDATE sales_flat_order SET coupon_code = 'REDBLUE5', applied_rule_ids = '" + rule + "' WHERE entity_id = " + order,
                "UPDATE salesrule SET times_used = times_used + 1 WHERE rule_id = " + rule,
                "UPDATE salesrule_coupon SET times_used = times_used + 1 WHERE code = 'REDBLUE5'",
                "INSERT INTO salesrule_coupon_usage (coupon_id, customer_id, times_used) SELECT coupon_id, " + customer(order)
                        + ", 1 FROM salesrule_coupon WHERE code = 'REDBLUE5' ON DUPLICATE KEY UPDATE times_used = salesrule_coupon_usage.times_used + 1",
                "INSERT INTO salesrule_customer (rule_id, customer_id, times_used) VALUES (" + rule + ", " + customer(order) + ", 1)");

        long usedBefore = Checksums.single(shops.destination(), "SELECT times_used FROM salesrule_coupon WHERE code = 'REDBLUE5'");

        CliTest.Result incremental = cli("incremental", "live", "--mark-synced");

        assertEquals(ExitCode.OK, incremental.exit(), incremental.out() + incremental.err());
        assertEquals(usedBefore + 1, Checksums.single(shops.destination(), "SELECT times_used FROM salesrule_coupon WHERE code = 'REDBLUE5'"));
        String usage = "SELECT u.times_used FROM salesrule_coupon c JOIN salesrule_coupon_usage u ON u.coupon_id = c.coupon_id"
                + " JOIN customer_entity ce ON ce.entity_id = u.customer_id WHERE c.code = 'REDBLUE5' AND ce.email = '" + email + "'";
        assertEquals(Checksums.single(shops.source(), usage), Checksums.single(shops.destination(), usage), "the customer's use of it");
        assertEquals("REDBLUE5|Red and blue five off", Checksums.text(shops.destination(), "SELECT CONCAT(o.coupon_code, '|', r.name)"
                + " FROM sales_flat_order o JOIN salesrule r ON r.rule_id = o.applied_rule_ids WHERE o.increment_id = '" + increment + "'"));
        assertEquals(Checksums.text(shops.source(), RULES), Checksums.text(shops.destination(), RULES));
        CliTest.Result verify = cli("verify", "live", "-e", "salesrule,order");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
    }

    private static long customer(long order) throws Exception {
        return Checksums.single(shops.source(), "SELECT customer_id FROM sales_flat_order WHERE entity_id = " + order);
    }

    @Test
    @Order(3)
    void aRuleNamingAnOptionTheDestinationLacksIsReportedAndNotWritten() throws Exception {
        long color = Checksums.single(shops.source(), "SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'color'"
                + " AND entity_type_id = (SELECT entity_type_id FROM eav_entity_type WHERE entity_type_code = 'catalog_product')");
        TestShops.execute(shops.source(), "INSERT INTO eav_attribute_option (attribute_id, sort_order) VALUES (" + color + ", 99)",
                "INSERT INTO eav_attribute_option_value (option_id, store_id, value) VALUES (LAST_INSERT_ID(), 0, 'Purple')",
                "INSERT INTO salesrule (name, is_active, discount_step, coupon_type, simple_action, discount_amount, conditions_serialized)"
                        + " SELECT 'Purple days', 1, 0, 1, 'by_percent', 7, CONCAT('a:7:{s:4:\"type\";s:32:\"salesrule/rule_condition_combine\";"
                        + "s:9:\"attribute\";N;s:8:\"operator\";N;s:5:\"value\";s:1:\"1\";s:18:\"is_value_processed\";N;s:10:\"aggregator\";"
                        + "s:3:\"all\";s:10:\"conditions\";a:1:{i:0;a:5:{s:4:\"type\";s:32:\"salesrule/rule_condition_product\";s:9:\"attribute\";"
                        + "s:5:\"color\";s:8:\"operator\";s:2:\"==\";s:5:\"value\";s:', LENGTH(MAX(option_id)), ':\"', MAX(option_id),"
                        + " '\";s:18:\"is_value_processed\";b:0;}}}') FROM eav_attribute_option");

        CliTest.Result result = cli("sync", "salesrule", "live", "-a", "openmage", "--skip-invalid");

        assertEquals(ExitCode.INVALID_RECORDS, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("option 'Purple' of attribute color does not exist on the destination"), result.out());
        assertEquals(0, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM salesrule WHERE name = 'Purple days'"));
    }

    @Test
    @Order(4)
    void twoRulesOfOneNameAreNotMadeOneTheSecondIsReported() throws Exception {
        TestShops.execute(shops.source(), "INSERT INTO salesrule (name, is_active, discount_step, coupon_type, simple_action,"
                + " discount_amount) VALUES ('Twin', 1, 0, 1, 'by_percent', 3), ('twin ', 1, 0, 1, 'by_percent', 4)");
        long first = Checksums.single(shops.source(), "SELECT MIN(rule_id) FROM salesrule WHERE name LIKE 'twin%'");

        // one rule a batch: the second is not beside the first, which is already on the destination when it comes
        CliTest.Result result = cli("sync", "salesrule", "live", "-a", "openmage", "--skip-invalid", "--batch-size", "1");

        assertEquals(ExitCode.INVALID_RECORDS, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("'twin' is also the name of salesrule rule_id " + first + " at the source"), result.out());
        assertEquals("3.0000", Checksums.text(shops.destination(), "SELECT GROUP_CONCAT(discount_amount) FROM salesrule WHERE name LIKE 'twin%'"),
                "the first is written, the second does not take its place");
    }
}
