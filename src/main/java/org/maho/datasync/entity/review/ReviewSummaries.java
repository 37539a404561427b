package org.maho.datasync.entity.review;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.maho.datasync.job.SyncJob;

/**
 * The two summaries a shop shows from its reviews, computed on the destination as OpenMage computes them when a review
 * or vote is saved, for every product with reviews: {@code review_entity_summary} (per product and store view: the
 * approved reviews, and the average of the approved votes' percents in the ratings shown there:
 * Mage_Review_Model_Resource_Review::aggregate with Mage_Rating_Model_Resource_Rating::getEntitySummary) and
 * {@code rating_option_vote_aggregated} (per rating, product and store view: the votes, their sum, and their average
 * as a percent, of all and of approved reviews: Mage_Rating_Model_Resource_Rating_Option::aggregateEntityByRatingId).
 *
 * <p>Only rows that differ are written, so a run that changed nothing changes nothing here either.
 */
final class ReviewSummaries {

    private static final String SUMMARY = """
            CREATE TEMPORARY TABLE datasync_review_summary (entity_pk_value BIGINT NOT NULL, entity_type SMALLINT NOT NULL,
              store_id SMALLINT UNSIGNED NOT NULL, reviews_count SMALLINT NOT NULL, rating_summary SMALLINT NOT NULL,
              PRIMARY KEY (entity_pk_value, entity_type, store_id))
            SELECT e.entity_pk_value, e.entity_id AS entity_type, s.store_id,
              IF(s.store_id > 0,
                (SELECT COUNT(*) FROM ${review} r JOIN ${review_store} rs ON rs.review_id = r.review_id AND rs.store_id = s.store_id
                  WHERE r.entity_pk_value = e.entity_pk_value AND r.status_id = 1),
                (SELECT COUNT(*) FROM ${review} r WHERE r.entity_pk_value = e.entity_pk_value AND r.status_id = 1)) AS reviews_count,
              IFNULL((SELECT GREATEST(ROUND(SUM(v.percent) / NULLIF(COUNT(*), 0)), 0) FROM ${rating_option_vote} v
                  JOIN ${review} r ON r.review_id = v.review_id JOIN ${review_store} rs ON rs.review_id = v.review_id
                  JOIN ${rating_store} rt ON rt.rating_id = v.rating_id AND rt.store_id = rs.store_id
                  JOIN ${review_status} st ON st.status_id = r.status_id
                  WHERE st.status_code = 'Approved' AND v.entity_pk_value = e.entity_pk_value AND rs.store_id = s.store_id), 0)
                AS rating_summary
            FROM (SELECT DISTINCT entity_pk_value, entity_id FROM ${review}) e CROSS JOIN ${core_store} s""";

    private static final String VOTES = """
            CREATE TEMPORARY TABLE datasync_vote_summary (rating_id SMALLINT UNSIGNED NOT NULL, entity_pk_value BIGINT UNSIGNED NOT NULL,
              store_id SMALLINT UNSIGNED NOT NULL, vote_count INT UNSIGNED NOT NULL, vote_value_sum INT UNSIGNED NOT NULL,
              percent SMALLINT NOT NULL, percent_approved SMALLINT, PRIMARY KEY (rating_id, entity_pk_value, store_id))
            SELECT v.rating_id, v.entity_pk_value, rs.store_id, COUNT(v.vote_id) AS vote_count, SUM(v.value) AS vote_value_sum,
              ROUND(SUM(v.value) * 20 / NULLIF(COUNT(v.vote_id), 0)) AS percent,
              IFNULL(ROUND(SUM(IF(r.status_id = 1, v.value, 0)) * 20 / NULLIF(COUNT(IF(r.status_id = 1, v.vote_id, NULL)), 0)), 0)
                AS percent_approved
            FROM ${rating_option_vote} v JOIN ${review} r ON r.review_id = v.review_id
              JOIN ${review_store} rs ON rs.review_id = v.review_id
              JOIN ${rating_store} rt ON rt.rating_id = v.rating_id AND rt.store_id = rs.store_id
            GROUP BY v.rating_id, v.entity_pk_value, rs.store_id""";

    private ReviewSummaries() {}

    static void recompute(SyncJob job, Connection destination) throws SQLException {
        UnaryOperator<String> tables = sql -> {
            String resolved = sql;
            for (String table : List.of("review_store", "review_status", "review_entity_summary", "review", "rating_option_vote_aggregated",
                    "rating_option_vote", "rating_store", "core_store")) {
                resolved = resolved.replace("${" + table + "}", job.destination().table(table));
            }
            return resolved;
        };
        try (Statement sql = destination.createStatement()) {
            sql.execute("DROP TEMPORARY TABLE IF EXISTS datasync_review_summary, datasync_vote_summary");
            sql.execute(tables.apply(SUMMARY));
            apply(sql, tables.apply("${review_entity_summary}"), "datasync_review_summary",
                    List.of("entity_pk_value", "entity_type", "store_id"), List.of("reviews_count", "rating_summary"));
            sql.execute(tables.apply(VOTES));
            apply(sql, tables.apply("${rating_option_vote_aggregated}"), "datasync_vote_summary",
                    List.of("rating_id", "entity_pk_value", "store_id"), List.of("vote_count", "vote_value_sum", "percent", "percent_approved"));
            sql.execute("DROP TEMPORARY TABLE datasync_review_summary, datasync_vote_summary");
        }
    }

    /** Makes the table hold the computed rows by key: changed ones updated, missing ones added, others removed. */
    private static void apply(Statement sql, String table, String computed, List<String> key, List<String> values) throws SQLException {
        String on = String.join(" AND ", key.stream().map(column -> "s." + column + " = c." + column).toList());
        String differs = String.join(" OR ", values.stream().map(column -> "NOT s." + column + " <=> c." + column).toList());
        String set = String.join(", ", values.stream().map(column -> "s." + column + " = c." + column).toList());
        sql.executeUpdate("UPDATE " + table + " s JOIN " + computed + " c ON " + on + " SET " + set + " WHERE " + differs);
        String columns = String.join(", ", key) + ", " + String.join(", ", values);
        sql.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + String.join(", ", key.stream().map(c -> "c." + c).toList())
                + ", " + String.join(", ", values.stream().map(c -> "c." + c).toList()) + " FROM " + computed + " c LEFT JOIN " + table
                + " s ON " + on + " WHERE s." + key.get(0) + " IS NULL");
        sql.executeUpdate("DELETE s FROM " + table + " s LEFT JOIN " + computed + " c ON " + on + " WHERE c." + key.get(0) + " IS NULL");
    }
}
