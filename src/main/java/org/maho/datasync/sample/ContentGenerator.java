package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * Fills a shop with newsletter subscribers (about a third of its customers, in their store, and guests; every status)
 * and CMS pages and blocks: one "home" page for all store views and one for the German view, store-specific pages,
 * and blocks that widgets and pages refer to by identifier. Deterministic for a given seed.
 */
public final class ContentGenerator {

    /** Customers read, and subscribers written, at a time. */
    private static final int PAGE = 5000;

    private final Connection connection;
    private final ShopMetadata shop;
    private final Random random;
    private final Rows rows = new Rows();

    private final int subscribers;

    private ContentGenerator(Connection connection, ShopMetadata shop, long seed, int subscribers) {
        this.connection = connection;
        this.shop = shop;
        this.random = new Random(seed);
        this.subscribers = subscribers;
    }

    /** @param subscribers how many subscribers; negative: a third of the customers and five guests */
    public static void generate(Connection connection, ShopMetadata shop, long seed, int subscribers) throws SQLException {
        new ContentGenerator(connection, shop, seed, subscribers).run();
    }

    private void run() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            subscribers();
            pages();
            blocks();
            rows.flush(connection);
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void subscribers() throws SQLException {
        long id = max("newsletter_subscriber", "subscriber_id") + 1;
        long customers;
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM customer_entity")) {
            count.next();
            customers = count.getLong(1);
        }
        // a third of the customers subscribe, or as many as asked for (up to all of them); guests make up the rest
        double share = subscribers < 0 ? 1 / 3.0 : customers == 0 ? 0 : Math.min(1, subscribers * 0.8 / customers);
        int made = 0;
        long after = 0;
        boolean more = true;
        // a page of customers at a time, written before the next is read: half a million customers' rows and their
        // subscribers held at once ran a 512 MB generator out of heap
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT entity_id, email, store_id FROM customer_entity WHERE entity_id > ? ORDER BY entity_id LIMIT " + PAGE)) {
            while (more && (subscribers < 0 || made < subscribers)) {
                page.setLong(1, after);
                more = false;
                try (ResultSet customer = page.executeQuery()) {
                    while (customer.next() && (subscribers < 0 || made < subscribers)) {
                        more = true;
                        after = customer.getLong(1);
                        if (random.nextDouble() < share) {
                            subscriber(id++, after, customer.getString(2), customer.getInt(3));
                            made++;
                        }
                    }
                }
                rows.flush(connection);
            }
        }
        List<ShopMetadata.Store> stores = shop.stores().stream().filter(s -> s.id() != 0).toList();
        int guests = subscribers < 0 ? 5 : subscribers - made;
        for (int guest = 0; guest < guests; guest++) {
            long subscriber = id++;
            subscriber(subscriber, 0, "reader." + subscriber + "@example.net", stores.get(guest % stores.size()).id());
            if (guest % PAGE == PAGE - 1) {
                rows.flush(connection);
            }
        }
    }

    /** Five hours apart, within ten years: the column is a TIMESTAMP, which ends in 2038 (200,000 subscribers went past it). */
    private static LocalDateTime changedAt(long id) {
        return LocalDateTime.of(2025, 3, 1, 10, 0).plusHours(id * 5 % 87_600);
    }

    private void subscriber(long id, long customer, String email, int store) {
        int status = new int[] {1, 1, 1, 1, 2, 3, 4}[random.nextInt(7)];
        rows.add("newsletter_subscriber", "subscriber_id, store_id, change_status_at, customer_id, subscriber_email, subscriber_status,"
                        + " subscriber_confirm_code", id, store, changedAt(id), customer, email,
                status, String.format("%032x", random.nextLong() & Long.MAX_VALUE));
    }

    private void pages() throws SQLException {
        long id = max("cms_page", "page_id") + 1;
        page(id++, "home", "Home page", "<p>Welcome to our shop.</p>{{block id=\"footer_links\"}}", "admin");
        page(id++, "home", "Startseite", "<p>Willkommen in unserem Shop — «Grüße».</p>", "german");
        page(id++, "about-us", "About Us", "<h1>About us</h1>\n<p>Since 1999.</p>", "default", "german", "french");
        page(id++, "shipping.html", "Shipping", "<p>We ship within 2 days.</p>", "admin");
        page(id, "no-route", "404 Not Found", "<h1>Whoops, our bad...</h1>", "admin");
    }

    private void page(long id, String identifier, String title, String content, String... stores) {
        LocalDateTime created = LocalDateTime.of(2025, 1, 10, 12, 0).plusDays(id);
        rows.add("cms_page", "page_id, title, root_template, meta_keywords, identifier, content_heading, content, creation_time,"
                        + " update_time, is_active, sort_order", id, title, "one_column", "shop, " + identifier, identifier, title, content,
                created, created.plusDays(3), 1, 0);
        for (String store : stores) {
            shop.storeByCode(store).ifPresent(s -> rows.add("cms_page_store", "page_id, store_id", id, s.id()));
        }
    }

    private void blocks() throws SQLException {
        long id = max("cms_block", "block_id") + 1;
        block(id++, "footer_links", "Footer Links", "<ul><li><a href=\"{{store url=\"about-us\"}}\">About Us</a></li></ul>", "admin");
        block(id++, "promo", "Promotion", "<p>-20% this week</p>", "default");
        block(id, "promo", "Aktion", "<p>-20% diese Woche</p>", "german", "french");
    }

    private void block(long id, String identifier, String title, String content, String... stores) {
        LocalDateTime created = LocalDateTime.of(2025, 1, 20, 12, 0).plusDays(id);
        rows.add("cms_block", "block_id, title, identifier, content, creation_time, update_time, is_active", id, title, identifier,
                content, created, created.plusDays(1), 1);
        for (String store : stores) {
            shop.storeByCode(store).ifPresent(s -> rows.add("cms_block_store", "block_id, store_id", id, s.id()));
        }
    }

    private long max(String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
