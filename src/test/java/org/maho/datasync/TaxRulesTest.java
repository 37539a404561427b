package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * Tax rates and rules of the sample shop, and a German rate planted in it (every region of its country, a title for
 * the german store view) with a rule of its own, arrive in the clean install by code: rates by country and region
 * code, rules with their calculation rows by rate code and tax class name, whatever the ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaxRulesTest {

    /** A rate: code, country, region code (or 0), postcode, rate, titles by store code. */
    private static final String RATES = "SELECT GROUP_CONCAT(CONCAT_WS('|', r.code, r.tax_country_id, IFNULL(g.code, r.tax_region_id),"
            + " r.tax_postcode, r.rate, IFNULL((SELECT GROUP_CONCAT(CONCAT(s.code, '=', t.value) ORDER BY s.code)"
            + " FROM tax_calculation_rate_title t JOIN core_store s ON s.store_id = t.store_id"
            + " WHERE t.tax_calculation_rate_id = r.tax_calculation_rate_id), '')) ORDER BY r.code SEPARATOR '\\n')"
            + " FROM tax_calculation_rate r LEFT JOIN directory_country_region g ON g.region_id = r.tax_region_id";
    /** A rule: code, priority, and each calculation row as rate code, customer class, product class. */
    private static final String RULES = "SELECT GROUP_CONCAT(CONCAT_WS('|', u.code, u.priority, u.position, u.calculate_subtotal, (SELECT"
            + " GROUP_CONCAT(CONCAT(r.code, '/', cc.class_name, '/', pc.class_name) ORDER BY r.code, cc.class_name, pc.class_name)"
            + " FROM tax_calculation c JOIN tax_calculation_rate r USING (tax_calculation_rate_id)"
            + " JOIN tax_class cc ON cc.class_id = c.customer_tax_class_id JOIN tax_class pc ON pc.class_id = c.product_tax_class_id"
            + " WHERE c.tax_calculation_rule_id = u.tax_calculation_rule_id)) ORDER BY u.code SEPARATOR '\\n') FROM tax_calculation_rule u";

    @RegisterExtension
    static final RealShops shops = new RealShops("tax");

    @BeforeAll
    static void plantAGermanRate() throws Exception {
        TestShops.execute(shops.source(),
                "INSERT INTO tax_calculation_rate (tax_country_id, tax_region_id, tax_postcode, code, rate) VALUES ('DE', 0, '*', 'DE-*-19', 19)",
                "INSERT INTO tax_calculation_rate_title (tax_calculation_rate_id, store_id, value) SELECT tax_calculation_rate_id,"
                        + " (SELECT store_id FROM core_store WHERE code = 'german'), 'MwSt.' FROM tax_calculation_rate WHERE code = 'DE-*-19'",
                "INSERT INTO tax_calculation_rule (code, priority, position, calculate_subtotal) VALUES ('German VAT', 2, 3, 1)",
                "INSERT INTO tax_calculation (tax_calculation_rate_id, tax_calculation_rule_id, customer_tax_class_id, product_tax_class_id)"
                        + " SELECT r.tax_calculation_rate_id, u.tax_calculation_rule_id, c.class_id, p.class_id FROM tax_calculation_rate r,"
                        + " tax_calculation_rule u, tax_class c, tax_class p WHERE r.code = 'DE-*-19' AND u.code = 'German VAT'"
                        + " AND c.class_name = 'Retail Customer' AND p.class_name IN ('Taxable Goods', 'Shipping')");
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(shops.source(), shops.destination(), command);
    }

    @Test
    @Order(1)
    void ratesAndRulesArriveByCodeWithTheirCalculationRows() throws Exception {
        ConnectionSettings source = shops.source();
        ConnectionSettings destination = shops.destination();
        for (String entity : List.of("store", "taxclass", "taxrate", "taxrule")) {
            CliTest.Result result = cli("sync", entity, "live", "-a", "openmage");
            assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        }

        assertEquals(Checksums.text(source, RATES), Checksums.text(destination, RATES));
        assertEquals(Checksums.text(source, RULES), Checksums.text(destination, RULES));
        assertEquals("DE-*-19|DE|0|*|19.0000|german=MwSt.", Checksums.text(destination, RATES + " WHERE r.code = 'DE-*-19'"));
        assertEquals(3, Checksums.single(destination, "SELECT COUNT(*) FROM tax_calculation_rule"),
                "the clean install's own rule is the sample shop's first; the second and the planted one are new");
        CliTest.Result verify = cli("verify", "live", "-e", "taxclass,taxrate,taxrule");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothingAndAChangedRateIsUpdated() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());
        for (String entity : List.of("taxrate", "taxrule")) {
            CliTest.Result again = cli("sync", entity, "live", "-a", "openmage");
            assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
            assertFalse(again.out().matches("(?s).*" + entity + "\\s+\\d+\\s+[1-9].*"), "nothing created: " + again.out());
        }
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));

        TestShops.execute(shops.source(), "UPDATE tax_calculation_rate SET rate = 7 WHERE code = 'DE-*-19'",
                "DELETE c FROM tax_calculation c JOIN tax_class p ON p.class_id = c.product_tax_class_id WHERE p.class_name = 'Shipping'");
        for (String entity : List.of("taxrate", "taxrule")) {
            assertEquals(ExitCode.OK, cli("sync", entity, "live", "-a", "openmage").exit());
        }
        assertEquals(Checksums.text(shops.source(), RATES), Checksums.text(shops.destination(), RATES));
        assertEquals(Checksums.text(shops.source(), RULES), Checksums.text(shops.destination(), RULES),
                "a calculation row the source no longer has is gone");
    }
}
