package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.cli.ExitCode;

/**
 * The sample shop's 6 catalog price rules arrive in the clean install by name, with their websites and customer
 * groups by code, and their conditions naming the destination's attribute set where the source's named its own
 * ("Shirts T" is set 41 in the sample shop, another id in the clean install). Their prices are left to the
 * destination's indexer, and the report says so.
 */
class CatalogRulesTest {

    private static final String RULES = "SELECT GROUP_CONCAT(CONCAT_WS('|', r.name, r.description, r.from_date, r.to_date, r.is_active,"
            + " r.stop_rules_processing, r.sort_order, r.simple_action, r.discount_amount, r.sub_is_enable,"
            + " IFNULL(r.sub_simple_action, '-'), r.sub_discount_amount, MD5(r.actions_serialized),"
            + " (SELECT GROUP_CONCAT(w.code ORDER BY w.code) FROM catalogrule_website rw JOIN core_website w ON w.website_id = rw.website_id"
            + " WHERE rw.rule_id = r.rule_id),"
            + " (SELECT GROUP_CONCAT(g.customer_group_code ORDER BY g.customer_group_code) FROM catalogrule_customer_group rg"
            + " JOIN customer_group g ON g.customer_group_id = rg.customer_group_id WHERE rg.rule_id = r.rule_id))"
            + " ORDER BY r.name SEPARATOR '\\n') FROM catalogrule r";

    @RegisterExtension
    static final RealShops shops = new RealShops("catrules");

    @Test
    void everyRuleArrivesByNameWithItsSetMappedAndASecondRunChangesNothing() throws Exception {
        CliTest.Result result = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\ncatalogrule\\s+6\\s+6\\s.*"), "6 rules read and created: " + result.out());
        assertTrue(result.out().contains("\"Apply Rules\""), result.out());
        assertEquals(Checksums.text(shops.source(), RULES), Checksums.text(shops.destination(), RULES));
        long shirts = Checksums.single(shops.destination(), "SELECT attribute_set_id FROM eav_attribute_set WHERE attribute_set_name = 'Shirts T'"
                + " AND entity_type_id = (SELECT entity_type_id FROM eav_entity_type WHERE entity_type_code = 'catalog_product')");
        assertTrue(shirts != 41, "the clean install numbers its sets otherwise");
        assertEquals("a:7:{s:4:\"type\";s:34:\"catalogrule/rule_condition_combine\";s:9:\"attribute\";N;s:8:\"operator\";N;s:5:\"value\";"
                        + "s:1:\"1\";s:18:\"is_value_processed\";N;s:10:\"aggregator\";s:3:\"all\";s:10:\"conditions\";a:1:{i:0;a:5:{s:4:\"type\";"
                        + "s:34:\"catalogrule/rule_condition_product\";s:9:\"attribute\";s:16:\"attribute_set_id\";s:8:\"operator\";s:2:\"==\";"
                        + "s:5:\"value\";s:" + String.valueOf(shirts).length() + ":\"" + shirts + "\";s:18:\"is_value_processed\";b:0;}}}",
                Checksums.text(shops.destination(), "SELECT conditions_serialized FROM catalogrule WHERE name = '20 percent off T shirts'"));
        assertEquals(Checksums.text(shops.source(), "SELECT GROUP_CONCAT(conditions_serialized ORDER BY name) FROM catalogrule"
                        + " WHERE name <> '20 percent off T shirts'"),
                Checksums.text(shops.destination(), "SELECT GROUP_CONCAT(conditions_serialized ORDER BY name) FROM catalogrule"
                        + " WHERE name <> '20 percent off T shirts'"), "conditions on skus, prices and an empty manufacturer mean the same");
        assertEquals(0, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM catalogrule_product_price"), "the indexer's to fill");
        CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live", "-e", "catalogrule");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());

        Map<String, String> before = Checksums.of(shops.destination());
        CliTest.Result again = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "catalogrule", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }
}
