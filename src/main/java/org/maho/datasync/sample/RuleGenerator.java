package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.PhpSerialized;

/**
 * Fills a shop that has a catalog, customers and orders with cart price rules as OpenMage's admin saves them, and
 * their use as its checkout records it: the SAVE5 coupon's rule, a rule whose conditions name colours (options) and
 * whose actions name manufacturers as an array, a rule over two categories and the default attribute set with
 * auto-generated coupons, a free-shipping rule for one region without a coupon, a rule on a tax class; labels per
 * store view and the product attributes the conditions use. The orders the sales generator discounted name one of
 * the coupons and its rule, with the use counts that follow (the rule's, the coupon's, per customer). Deterministic for
 * a given seed.
 */
public final class RuleGenerator {

    private final Connection connection;
    private final ShopMetadata shop;
    private final Random random;
    private final Rows rows = new Rows().inOrder("salesrule", "salesrule_coupon");
    private final List<Integer> websites = new ArrayList<>();
    private final List<Integer> groups = new ArrayList<>();
    private long ruleId;
    private long couponId;

    /** A coupon as generated: what its orders copy; an auto-generated one is good for one use. */
    private record Coupon(long id, long ruleId, String code, String ruleName, boolean single) {}

    private final List<Coupon> coupons = new ArrayList<>();

    private RuleGenerator(Connection connection, ShopMetadata shop, long seed) {
        this.connection = connection;
        this.shop = shop;
        this.random = new Random(seed);
    }

    public static void generate(Connection connection, ShopMetadata shop, long seed) throws SQLException {
        new RuleGenerator(connection, shop, seed).run();
    }

    private void run() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            websites.addAll(ints("SELECT website_id FROM core_website WHERE website_id <> 0 ORDER BY website_id"));
            groups.addAll(ints("SELECT customer_group_id FROM customer_group ORDER BY customer_group_id"));
            ruleId = new ShopSql(connection).max("salesrule", "rule_id") + 1;
            couponId = new ShopSql(connection).max("salesrule_coupon", "coupon_id") + 1;
            rules();
            rows.flush(connection);
            ordersWithCoupons();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void rules() throws SQLException {
        long save = rule("Save five", 2, "cart_fixed", "5.0000", combine("salesrule/rule_condition_combine"),
                combine("salesrule/rule_condition_product_combine"), labels("default", "Five off", "german", "Fünf weniger"));
        coupon(save, "Save five", "SAVE5", 1);

        String red = option("color", "Red");
        String blue = option("color", "Blue");
        Map<Object, Object> colours = product("color", "()", red + "," + blue);
        Map<Object, Object> makers = product("manufacturer", "()", array(option("manufacturer", "Acme"), option("manufacturer", "Globex")));
        long colourRule = rule("Red and blue five off", 2, "by_fixed", "5.0000",
                combine("salesrule/rule_condition_combine", found(colours)), combine("salesrule/rule_condition_product_combine", makers),
                labels("default", "Five off red and blue"), "color", "manufacturer");
        coupon(colourRule, "Red and blue five off", "REDBLUE5", 1);

        List<Integer> categories = ints("SELECT entity_id FROM catalog_category_entity WHERE level = 2 ORDER BY entity_id LIMIT 2");
        String categoryIds = String.join(", ", categories.stream().map(String::valueOf).toList());
        String set = String.valueOf(shop.requireEntityType("catalog_product").defaultAttributeSetId());
        long categoryRule = rule("Category weeks", 3, "by_fixed", "5.0000",
                combine("salesrule/rule_condition_combine", found(product("category_ids", "()", categoryIds))),
                combine("salesrule/rule_condition_product_combine", product("attribute_set_id", "==", set)),
                labels("french", "Semaines des catégories"), "category_ids", "attribute_set_id");
        for (int i = 0; i < 20; i++) {
            coupon(categoryRule, "Category weeks", String.format("CAT-%04X", random.nextInt(0x10000)) + i, null);
        }

        List<Integer> regions = ints("SELECT region_id FROM directory_country_region WHERE country_id = 'US' ORDER BY region_id LIMIT 1");
        Map<Object, Object> subtotal = condition("salesrule/rule_condition_address", "base_subtotal", ">=", "100");
        rule("Free shipping over 100", 1, "by_percent", "0.0000", regions.isEmpty() ? combine("salesrule/rule_condition_combine", subtotal)
                        : combine("salesrule/rule_condition_combine", subtotal,
                        condition("salesrule/rule_condition_address", "region_id", "==", String.valueOf(regions.get(0)))),
                combine("salesrule/rule_condition_product_combine"), labels());

        List<Integer> taxable = ints("SELECT class_id FROM tax_class WHERE class_type = 'PRODUCT' ORDER BY class_id LIMIT 1");
        if (!taxable.isEmpty()) {
            long taxRule = rule("Taxable goods five", 2, "cart_fixed", "5.0000", combine("salesrule/rule_condition_combine"),
                    combine("salesrule/rule_condition_product_combine", product("tax_class_id", "==", String.valueOf(taxable.get(0)))),
                    labels(), "tax_class_id");
            coupon(taxRule, "Taxable goods five", "TAXABLE5", 1);
        }
    }

    /** A rule on every website for every group; {@code attributes} are the product attributes its conditions use. */
    private long rule(String name, int couponType, String action, String amount, Map<Object, Object> conditions,
                      Map<Object, Object> actions, Map<String, String> labels, String... attributes) throws SQLException {
        long id = ruleId++;
        rows.add("salesrule", "rule_id, name, description, from_date, to_date, uses_per_customer, is_active, conditions_serialized,"
                        + " actions_serialized, stop_rules_processing, is_advanced, sort_order, simple_action, discount_amount,"
                        + " discount_qty, discount_step, simple_free_shipping, apply_to_shipping, times_used, is_rss, coupon_type,"
                        + " use_auto_generation, uses_per_coupon",
                id, name, "Generated: " + name, "2025-01-01", couponType == 3 ? "2025-12-31" : null, couponType == 1 ? 0 : 3, 1,
                PhpSerialized.write(conditions), PhpSerialized.write(actions), 0, 1, (int) (id % 3), action, amount,
                null, 0, couponType == 1 ? 2 : 0, 0, 0, 1, couponType, couponType == 3 ? 1 : 0, couponType == 3 ? 1 : 0);
        for (int website : websites) {
            rows.add("salesrule_website", "rule_id, website_id", id, website);
        }
        for (int group : groups) {
            rows.add("salesrule_customer_group", "rule_id, customer_group_id", id, group);
        }
        labels.forEach((store, label) -> shop.storeByCode(store)
                .ifPresent(s -> rows.add("salesrule_label", "rule_id, store_id, label", id, s.id(), label)));
        for (String code : attributes) {
            Integer attributeId = shop.attribute("catalog_product", code).map(ShopMetadata.Attribute::id).orElse(null);
            if (attributeId != null) {
                for (int website : websites) {
                    for (int group : groups) {
                        rows.add("salesrule_product_attribute", "rule_id, website_id, customer_group_id, attribute_id", id, website, group,
                                attributeId);
                    }
                }
            }
        }
        return id;
    }

    private void coupon(long rule, String ruleName, String code, Integer primary) {
        long id = couponId++;
        rows.add("salesrule_coupon", "coupon_id, rule_id, code, usage_limit, usage_per_customer, times_used, expiration_date,"
                        + " is_primary, created_at, type", id, rule, code, primary == null ? 1 : null, primary == null ? 1 : null, 0,
                primary == null ? LocalDateTime.of(2025, 12, 31, 23, 59, 59) : null, primary, LocalDateTime.of(2025, 1, 1, 9, 0).plusMinutes(id),
                primary == null ? 1 : 0);
        coupons.add(new Coupon(id, rule, code, ruleName, primary == null));
    }

    /**
     * The orders the sales generator gave a discount used a coupon: each names one and its rule, and the counts go up as
     * OpenMage's checkout makes them (the rule's and coupon's times_used, a customer's uses of both; a guest's none).
     */
    private void ordersWithCoupons() throws SQLException {
        Map<Long, Integer> ruleUses = new LinkedHashMap<>();
        Map<Long, Integer> couponUses = new LinkedHashMap<>();
        Map<String, Integer> customerRule = new LinkedHashMap<>();
        Map<String, Integer> customerCoupon = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet order = statement.executeQuery("SELECT entity_id, customer_id FROM sales_flat_order WHERE coupon_code IS NOT NULL"
                     + " ORDER BY entity_id");
             PreparedStatement update = connection.prepareStatement("UPDATE sales_flat_order SET coupon_code = ?, applied_rule_ids = ?,"
                     + " coupon_rule_name = ?, discount_description = ? WHERE entity_id = ?");
             PreparedStatement items = connection.prepareStatement("UPDATE sales_flat_order_item SET applied_rule_ids = ? WHERE order_id = ?")) {
            while (order.next()) {
                Coupon coupon = coupons.get(random.nextInt(coupons.size()));
                if (coupon.single() && couponUses.containsKey(coupon.id())) {
                    coupon = coupons.get(0);
                }
                update.setString(1, coupon.code());
                update.setString(2, String.valueOf(coupon.ruleId()));
                update.setString(3, coupon.ruleName());
                update.setString(4, coupon.code());
                update.setLong(5, order.getLong(1));
                update.addBatch();
                items.setString(1, String.valueOf(coupon.ruleId()));
                items.setLong(2, order.getLong(1));
                items.addBatch();
                ruleUses.merge(coupon.ruleId(), 1, Integer::sum);
                couponUses.merge(coupon.id(), 1, Integer::sum);
                long customer = order.getLong(2);
                if (!order.wasNull()) {
                    customerRule.merge(coupon.ruleId() + "/" + customer, 1, Integer::sum);
                    customerCoupon.merge(coupon.id() + "/" + customer, 1, Integer::sum);
                }
            }
            update.executeBatch();
            items.executeBatch();
        }
        ruleUses.forEach((rule, uses) -> execute("UPDATE salesrule SET times_used = times_used + " + uses + " WHERE rule_id = " + rule));
        couponUses.forEach((coupon, uses) -> execute("UPDATE salesrule_coupon SET times_used = times_used + " + uses
                + " WHERE coupon_id = " + coupon));
        customerRule.forEach((key, uses) -> rows.add("salesrule_customer", "rule_id, customer_id, times_used",
                Long.parseLong(key.split("/")[0]), Long.parseLong(key.split("/")[1]), uses));
        customerCoupon.forEach((key, uses) -> rows.add("salesrule_coupon_usage", "coupon_id, customer_id, times_used",
                Long.parseLong(key.split("/")[0]), Long.parseLong(key.split("/")[1]), uses));
        rows.flush(connection);
    }

    @SafeVarargs
    private static Map<Object, Object> combine(String type, Map<Object, Object>... conditions) {
        return RuleConditions.combine(type, conditions);
    }

    /** "If an item is found in the cart with all of these conditions true". */
    @SafeVarargs
    private static Map<Object, Object> found(Map<Object, Object>... conditions) {
        return combine("salesrule/rule_condition_product_found", conditions);
    }

    private static Map<Object, Object> product(String attribute, String operator, Object value) {
        return RuleConditions.condition("salesrule/rule_condition_product", attribute, operator, value);
    }

    private static Map<Object, Object> condition(String type, String attribute, String operator, Object value) {
        return RuleConditions.condition(type, attribute, operator, value);
    }

    /** Store code, label, store code, label...: in that order, so that the labels' ids follow the seed. */
    private static Map<String, String> labels(String... storesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < storesAndLabels.length; i += 2) {
            labels.put(storesAndLabels[i], storesAndLabels[i + 1]);
        }
        return labels;
    }

    private static Map<Object, Object> array(Object... values) {
        return RuleConditions.array(values);
    }

    private String option(String attribute, String label) {
        return shop.attribute("catalog_product", attribute).flatMap(a -> shop.optionId(a, label)).map(String::valueOf)
                .orElseThrow(() -> new IllegalStateException("the catalog has no " + attribute + " '" + label + "': generate a catalog first"));
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> ints(String sql) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getInt(1));
            }
        }
        return values;
    }
}
