package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * The sample shop's 113 reviews with their 331 votes over 3 ratings arrive in the clean install by natural key: the
 * product by sku, the author (a customer by email, a guest by nickname), the text, status and store views, every vote
 * by rating and option code. The summaries the shop shows are computed on the destination as OpenMage computes them,
 * checked here against the same rules applied in Java to the source's rows (the sample shop's own summary tables are
 * left over from Magento 1.6 and hold other numbers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewsTest {

    static final String REVIEWS = "SELECT GROUP_CONCAT(CONCAT_WS('|', p.sku, IFNULL(c.email, d.nickname), d.title, r.created_at,"
            + " r.status_id, r.entity_id, d.detail, ds.code, (SELECT GROUP_CONCAT(s.code ORDER BY s.code) FROM review_store rs JOIN core_store s"
            + " USING (store_id) WHERE rs.review_id = r.review_id), (SELECT GROUP_CONCAT(CONCAT(g.rating_code, ':', o.code, ':', v.percent,"
            + " ':', v.value, ':', IFNULL(v.remote_ip, ''), ':', HEX(v.remote_ip_long), ':', IFNULL(vc.email, '')) ORDER BY g.rating_code)"
            + " FROM rating_option_vote v JOIN rating g USING (rating_id) JOIN rating_option o ON o.option_id = v.option_id"
            + " LEFT JOIN customer_entity vc ON vc.entity_id = v.customer_id WHERE v.review_id = r.review_id AND v.entity_pk_value = p.entity_id))"
            + " ORDER BY p.sku, IFNULL(c.email, d.nickname), d.title, r.created_at SEPARATOR '\\n')"
            + " FROM review r JOIN catalog_product_entity p ON p.entity_id = r.entity_pk_value JOIN review_detail d ON d.review_id = r.review_id"
            + " LEFT JOIN core_store ds ON ds.store_id = d.store_id LEFT JOIN customer_entity c ON c.entity_id = d.customer_id";
    static final String RATINGS = "SELECT GROUP_CONCAT(CONCAT_WS('|', g.rating_code, g.entity_id, g.position, (SELECT"
            + " GROUP_CONCAT(CONCAT(o.code, ':', o.value, ':', o.position) ORDER BY o.code) FROM rating_option o WHERE o.rating_id = g.rating_id),"
            + " (SELECT GROUP_CONCAT(s.code ORDER BY s.code) FROM rating_store t JOIN core_store s USING (store_id) WHERE t.rating_id = g.rating_id))"
            + " ORDER BY g.rating_code SEPARATOR '\\n') FROM rating g";

    @RegisterExtension
    static final RealShops shops = new RealShops("reviews");

    @BeforeAll
    static void syncTheSampleShop() throws Exception {
        // a review of a category, which OpenMage's review_entity allows and its code never writes
        TestShops.execute(shops.source(), "INSERT INTO review (created_at, entity_id, entity_pk_value, status_id) VALUES"
                + " ('2020-01-01 00:00:00', 3, 4, 1)");
        CliTest.Result result = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live");
        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\nreview\\s+113\\s+113\\s.*"), "113 product reviews read and created: " + result.out());
    }

    @Test
    @Order(1)
    void everyReviewVoteAndRatingArrivesByNaturalKey() throws Exception {
        ConnectionSettings source = shops.source();
        ConnectionSettings destination = shops.destination();
        assertEquals(113, Checksums.single(destination, "SELECT COUNT(*) FROM review"));
        assertEquals(331, Checksums.single(destination, "SELECT COUNT(*) FROM rating_option_vote"));
        assertEquals(Checksums.text(source, REVIEWS), Checksums.text(destination, REVIEWS));
        assertEquals(Checksums.text(source, RATINGS), Checksums.text(destination, RATINGS));
        CliTest.Result verify = CliTest.runAgainst(source, destination, "verify", "live", "-e", "rating,review");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
    }

    @Test
    @Order(2)
    void theSummariesAreWhatOpenMageComputesFromTheReviews() throws Exception {
        Summaries expected = Summaries.computedFrom(shops.source());
        assertEquals(42 * 4, expected.reviews().size(), "a row per reviewed product and store view, the admin's included");
        assertEquals(expected.reviews(), Summaries.storedIn(shops.destination(), "SELECT p.sku, s.code, x.entity_type, x.reviews_count,"
                + " x.rating_summary FROM review_entity_summary x JOIN catalog_product_entity p ON p.entity_id = x.entity_pk_value"
                + " JOIN core_store s ON s.store_id = x.store_id"));
        assertEquals(expected.votes(), Summaries.storedIn(shops.destination(), "SELECT p.sku, s.code, g.rating_code, x.vote_count,"
                + " x.vote_value_sum, x.percent, x.percent_approved FROM rating_option_vote_aggregated x JOIN catalog_product_entity p"
                + " ON p.entity_id = x.entity_pk_value JOIN core_store s ON s.store_id = x.store_id JOIN rating g USING (rating_id)"));
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothingAndAnUnapprovedReviewLeavesTheSummaries() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());
        for (String entity : List.of("rating", "review")) {
            assertEquals(ExitCode.OK, CliTest.runAgainst(shops.source(), shops.destination(), "sync", entity, "live", "-a", "openmage").exit());
        }
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));

        TestShops.execute(shops.source(), "UPDATE review SET status_id = 3 WHERE review_id IN (SELECT review_id FROM (SELECT MIN(review_id)"
                + " AS review_id FROM review GROUP BY entity_pk_value HAVING COUNT(*) > 1) x)");
        CliTest.Result changed = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "review", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, changed.exit(), changed.out() + changed.err());
        assertTrue(changed.out().matches("(?s).*\\nreview\\s+113\\s+0\\s+[1-9].*"), "the unapproved reviews updated: " + changed.out());
        Summaries expected = Summaries.computedFrom(shops.source());
        assertEquals(expected.reviews(), Summaries.storedIn(shops.destination(), "SELECT p.sku, s.code, x.entity_type, x.reviews_count,"
                + " x.rating_summary FROM review_entity_summary x JOIN catalog_product_entity p ON p.entity_id = x.entity_pk_value"
                + " JOIN core_store s ON s.store_id = x.store_id"));
    }

    @Test
    @Order(4)
    void incrementalFollowsAChangedVoteAndADeletedReview() throws Exception {
        ConnectionSettings source = shops.source();
        ConnectionSettings destination = shops.destination();
        assertEquals(ExitCode.OK, CliTest.runAgainst(source, destination, "tracker", "install").exit());
        long vote = Checksums.single(source, "SELECT MIN(v.vote_id) FROM rating_option_vote v JOIN review r USING (review_id) WHERE r.status_id = 1");
        TestShops.execute(source, "UPDATE rating_option_vote v JOIN rating_option o ON o.rating_id = v.rating_id AND o.code = '5'"
                        + " SET v.option_id = o.option_id, v.percent = 100, v.value = 5 WHERE v.vote_id = " + vote,
                "UPDATE review_detail SET title = 'Changed on production' WHERE review_id = (SELECT review_id FROM rating_option_vote"
                        + " WHERE vote_id = " + vote + ")",
                "DELETE FROM review WHERE review_id = (SELECT MAX(review_id) FROM (SELECT review_id FROM review WHERE entity_id = 1) x)");

        CliTest.Result incremental = CliTest.runAgainst(source, destination, "incremental", "live", "--mark-synced");

        assertEquals(ExitCode.OK, incremental.exit(), incremental.out() + incremental.err());
        assertEquals(112, Checksums.single(destination, "SELECT COUNT(*) FROM review"));
        assertEquals(Checksums.text(source, REVIEWS), Checksums.text(destination, REVIEWS));
        Summaries expected = Summaries.computedFrom(source);
        assertEquals(expected.votes(), Summaries.storedIn(destination, "SELECT p.sku, s.code, g.rating_code, x.vote_count,"
                + " x.vote_value_sum, x.percent, x.percent_approved FROM rating_option_vote_aggregated x JOIN catalog_product_entity p"
                + " ON p.entity_id = x.entity_pk_value JOIN core_store s ON s.store_id = x.store_id JOIN rating g USING (rating_id)"));
        assertEquals(0, Checksums.single(source, "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"));
    }

    /**
     * OpenMage's two summaries, by sku and store code (and rating code), computed in Java from a shop's rows by the rules of
     * Mage_Review_Model_Resource_Review::aggregate, Mage_Rating_Model_Resource_Rating::getEntitySummary and
     * Mage_Rating_Model_Resource_Rating_Option::aggregateEntityByRatingId.
     */
    record Summaries(Map<String, String> reviews, Map<String, String> votes) {

        static Summaries computedFrom(ConnectionSettings shop) throws Exception {
            Map<Long, String> skus = byId(shop, "SELECT entity_id, sku FROM catalog_product_entity");
            Map<Long, String> stores = byId(shop, "SELECT store_id, code FROM core_store");
            Map<Long, String> ratings = byId(shop, "SELECT rating_id, rating_code FROM rating");
            // product reviews: the ones the sync moves
            Map<Long, String> statusOfReview = byId(shop, "SELECT review_id, status_id FROM review WHERE entity_id = 1");
            Map<Long, String> productOfReview = byId(shop, "SELECT review_id, entity_pk_value FROM review WHERE entity_id = 1");
            Map<Long, String> typeOfReview = byId(shop, "SELECT review_id, entity_id FROM review WHERE entity_id = 1");
            Set<String> reviewStores = set(shop, "SELECT CONCAT(review_id, '/', store_id) FROM review_store");
            Set<String> ratingStores = set(shop, "SELECT CONCAT(rating_id, '/', store_id) FROM rating_store");
            List<long[]> votes = rows(shop, "SELECT vote_id, review_id, rating_id, entity_pk_value, percent, value FROM rating_option_vote");

            Map<String, String> reviews = new TreeMap<>();
            Map<String, Long> typeOfProduct = new HashMap<>();
            productOfReview.forEach((review, product) -> typeOfProduct.put(product, Long.valueOf(typeOfReview.get(review))));
            for (Map.Entry<String, Long> product : typeOfProduct.entrySet()) {
                long pk = Long.parseLong(product.getKey());
                for (long store : stores.keySet()) {
                    long count = statusOfReview.entrySet().stream().filter(r -> r.getValue().equals("1")
                            && productOfReview.get(r.getKey()).equals(product.getKey())
                            && (store == 0 || reviewStores.contains(r.getKey() + "/" + store))).count();
                    long sum = 0;
                    long votesCounted = 0;
                    for (long[] vote : votes) {
                        if (vote[3] == pk && "1".equals(statusOfReview.get(vote[1])) && reviewStores.contains(vote[1] + "/" + store)
                                && ratingStores.contains(vote[2] + "/" + store)) {
                            sum += vote[4];
                            votesCounted++;
                        }
                    }
                    long summary = votesCounted == 0 ? 0 : phpRound(sum, votesCounted);
                    reviews.put(skus.get(pk) + "|" + stores.get(store), product.getValue() + "|" + count + "|" + Math.max(summary, 0));
                }
            }

            Map<String, long[]> perStore = new TreeMap<>();
            for (long[] vote : votes) {
                for (long store : stores.keySet()) {
                    if (reviewStores.contains(vote[1] + "/" + store) && ratingStores.contains(vote[2] + "/" + store)) {
                        long[] totals = perStore.computeIfAbsent(skus.get(vote[3]) + "|" + stores.get(store) + "|" + ratings.get(vote[2]),
                                k -> new long[4]);
                        totals[0]++;
                        totals[1] += vote[5];
                        if ("1".equals(statusOfReview.get(vote[1]))) {
                            totals[2]++;
                            totals[3] += vote[5];
                        }
                    }
                }
            }
            Map<String, String> aggregated = new TreeMap<>();
            perStore.forEach((key, t) -> aggregated.put(key, t[0] + "|" + t[1] + "|" + phpRound(t[1] * 20, t[0]) + "|"
                    + (t[2] == 0 ? 0 : phpRound(t[3] * 20, t[2]))));
            return new Summaries(reviews, aggregated);
        }

        /** PHP's round() of a quotient: half away from zero. */
        private static long phpRound(long dividend, long divisor) {
            return new BigDecimal(dividend).divide(new BigDecimal(divisor), 0, RoundingMode.HALF_UP).longValueExact();
        }

        /** A summary table's rows: the first columns (all but the values) are the key. */
        static Map<String, String> storedIn(ConnectionSettings shop, String sql) throws Exception {
            Map<String, String> rows = new TreeMap<>();
            try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                int columns = row.getMetaData().getColumnCount();
                boolean votes = columns == 7;
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(row.getString(i));
                    }
                    int keyColumns = votes ? 3 : 2;
                    rows.put(String.join("|", values.subList(0, keyColumns)), String.join("|", values.subList(keyColumns, columns)));
                }
            }
            return rows;
        }

        private static Map<Long, String> byId(ConnectionSettings shop, String sql) throws Exception {
            Map<Long, String> byId = new HashMap<>();
            Checksums.pairs(shop, sql).forEach((id, value) -> byId.put(Long.valueOf(id), value));
            return byId;
        }

        private static Set<String> set(ConnectionSettings shop, String sql) throws Exception {
            Set<String> values = new HashSet<>();
            try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        }

        private static List<long[]> rows(ConnectionSettings shop, String sql) throws Exception {
            List<long[]> rows = new ArrayList<>();
            try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(sql)) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    long[] values = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = row.getLong(i + 1);
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
