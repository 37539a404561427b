package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.cli.ExitCode;

/**
 * The sample shop's 198 product tags and their 321 uses arrive in the clean install by name: who tagged which product
 * (by email and sku) in which store view, whether the use is active, and the tag's first tagger and store view.
 */
class TagsTest {

    private static final String TAGS = "SELECT GROUP_CONCAT(CONCAT_WS('|', t.name, t.status, IFNULL(fc.email, '-'), IFNULL(fs.code, '-'),"
            + " IFNULL((SELECT GROUP_CONCAT(CONCAT(p.sku, '/', IFNULL(c.email, '-'), '/', s.code, '/', r.active, '/', IFNULL(r.created_at, '-'))"
            + " ORDER BY p.sku, c.email, s.code) FROM tag_relation r JOIN catalog_product_entity p ON p.entity_id = r.product_id"
            + " JOIN core_store s ON s.store_id = r.store_id LEFT JOIN customer_entity c ON c.entity_id = r.customer_id"
            + " WHERE r.tag_id = t.tag_id), '')) ORDER BY t.name SEPARATOR '\\n')"
            + " FROM tag t LEFT JOIN customer_entity fc ON fc.entity_id = t.first_customer_id LEFT JOIN core_store fs ON fs.store_id = t.first_store_id";

    @RegisterExtension
    static final RealShops shops = new RealShops("tags");

    @Test
    void everyTagAndItsUsesArriveByNameAndASecondRunChangesNothing() throws Exception {
        CliTest.Result result = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\ntag\\s+198\\s+198\\s.*"), "198 tags read and created: " + result.out());
        assertTrue(result.out().contains("reindex \"Tag Aggregation Data\""), result.out());
        assertEquals(321, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM tag_relation"));
        assertEquals(Checksums.text(shops.source(), TAGS), Checksums.text(shops.destination(), TAGS));
        CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live", "-e", "tag");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());

        Map<String, String> before = Checksums.of(shops.destination());
        CliTest.Result again = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "tag", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }
}
