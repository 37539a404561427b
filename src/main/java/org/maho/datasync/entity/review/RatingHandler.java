package org.maho.datasync.entity.review;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.TableShape;

/**
 * Ratings (Quality, Value, Price), by code, with their options (by code: the vote a customer gives), a title per
 * store view and the store views they are shown in. Votes name their option through the registry.
 *
 * <p>{@code entity_id} is a {@code rating_entity} row, which OpenMage's install script writes with fixed ids (1
 * product, 2 product_review, 3 review): the same id is the same thing in every shop, and so it is copied as it is.
 */
public final class RatingHandler extends KeyColumnHandler {

    /** The registry type of a rating's options, which votes refer to. */
    static final String OPTION = "rating_option";

    public static final TableShape OPTIONS = TableShape.child("options", "rating_option", "option_id", "rating_id")
            .registered(OPTION).keys("code");
    public static final TableShape TITLES = TableShape.child("titles", "rating_title", null, "rating_id").keys("store_id");
    public static final TableShape STORES = TableShape.child("stores", "rating_store", null, "rating_id").keys("store_id");
    public static final TableShape RATING = TableShape.flatEntity("rating", "rating_id").with(OPTIONS, TITLES, STORES);

    public RatingHandler() {
        super("rating", RATING, "rating_code", Set.of(JobOption.ENTITY_IDS));
    }

    /** The shop's set-up: a clean install comes with its own three ratings, so a source id is kept only where free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    /** The stores a rating is shown in decide which votes count in the summaries. */
    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        ReviewSummaries.recompute(job, destination);
    }
}
