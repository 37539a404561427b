package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.model.TextWithRefs;

/**
 * Custom URL rewrites planted in the sample shop (a product's old URL, a product in a category for the german view, a
 * CMS page, an external redirect) arrive in the clean install with the ids in their id path and target mapped to the
 * destination's; the sample shop's 831 system rewrites stay behind for the destination's indexer.
 */
class UrlRewritesTest {

    @RegisterExtension
    static final RealShops shops = new RealShops("rewrites");

    @BeforeAll
    static void plantCustomRewrites() throws Exception {
        String product = "(SELECT MIN(entity_id) FROM catalog_product_entity)";
        String category = "(SELECT MAX(entity_id) FROM catalog_category_entity)";
        String page = "(SELECT page_id FROM cms_page WHERE identifier = 'customer-service')";
        String columns = "INSERT INTO core_url_rewrite (store_id, id_path, request_path, target_path, is_system, options, description,"
                + " product_id, category_id) ";
        TestShops.execute(shops.source(),
                columns + "SELECT 1, '1700000000_1', 'old-product.html', CONCAT('catalog/product/view/id/', " + product + "), 0, 'RP',"
                        + " 'moved in 2020', " + product + ", NULL",
                columns + "SELECT 2, CONCAT('product/', " + product + ", '/', " + category + "), 'angebot/produkt.html',"
                        + " CONCAT('catalog/product/view/id/', " + product + ", '/category/', " + category + "), 0, '', NULL, "
                        + product + ", " + category,
                columns + "SELECT 1, '1700000000_3', 'help', CONCAT('cms/page/view/page_id/', " + page + "), 0, 'RP', NULL, NULL, NULL",
                columns + "VALUES (1, '1700000000_4', 'blog', 'https://blog.example.org/', 0, 'RP', 'our blog', NULL, NULL)");
    }

    @Test
    void customRewritesArriveWithTheirTargetsMappedAndSystemOnesStayBehind() throws Exception {
        long systemBefore = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM core_url_rewrite WHERE is_system = 1");

        CliTest.Result result = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\nurlrewrite\\s+4\\s+4\\s.*"), "4 custom rewrites read and created: " + result.out());
        assertTrue(result.out().contains("831 system rewrites at the source were not copied"), result.out());
        assertEquals(systemBefore, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM core_url_rewrite WHERE is_system = 1"));
        Map<String, String> expected = customRewrites(shops.source());
        assertEquals(4, expected.size(), expected.toString());
        assertTrue(expected.get("german|angebot/produkt.html").contains("catalog/product/view/id/{product "), expected.toString());
        assertEquals(expected, customRewrites(shops.destination()));
        CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live", "-e", "urlrewrite");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());

        Map<String, String> before = Checksums.of(shops.destination());
        assertEquals(ExitCode.OK, CliTest.runAgainst(shops.source(), shops.destination(), "sync", "urlrewrite", "live", "-a", "openmage").exit());
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }

    /**
     * A shop's custom rewrites by store code and request path: their id path and target with each id replaced by what it
     * names there (a product's sku, a category's name, a CMS page's identifier), their options, description and links.
     */
    private static Map<String, String> customRewrites(ConnectionSettings shop) throws Exception {
        Map<String, Map<String, String>> names = new HashMap<>();
        names.put("product", Checksums.pairs(shop, "SELECT entity_id, sku FROM catalog_product_entity"));
        names.put("category", Checksums.pairs(shop, "SELECT v.entity_id, v.value FROM catalog_category_entity_varchar v JOIN eav_attribute a"
                + " ON a.attribute_id = v.attribute_id AND a.attribute_code = 'name' WHERE v.store_id = 0"));
        names.put("cms_page", Checksums.pairs(shop, "SELECT page_id, identifier FROM cms_page"));
        Map<String, String> rewrites = new TreeMap<>();
        try (Connection connection = TestServer.connect(shop); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT s.code, r.request_path, r.id_path, r.target_path, r.options, r.description,"
                     + " r.product_id, r.category_id FROM core_url_rewrite r JOIN core_store s USING (store_id) WHERE r.is_system = 0")) {
            while (row.next()) {
                rewrites.put(row.getString(1) + "|" + row.getString(2), String.join("|", named(row.getString(3), names),
                        named(row.getString(4), names), String.valueOf(row.getString(5)), String.valueOf(row.getString(6)),
                        String.valueOf(names.get("product").get(row.getString(7))), String.valueOf(names.get("category").get(row.getString(8)))));
            }
        }
        return rewrites;
    }

    private static String named(String path, Map<String, Map<String, String>> names) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (TextWithRefs.Found id : TextWithRefs.findInPath(path)) {
            out.append(path, at, id.start()).append('{').append(id.entityType()).append(' ')
                    .append(names.get(id.entityType()).get(id.id())).append('}');
            at = id.end();
        }
        return out.append(path, at, path.length()).toString();
    }
}
