package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.entity.promo.SalesRuleHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.ValueKind;
import org.maho.datasync.source.ShopDefaults;

/**
 * Coupons ({@code shop_coupon} posts) as cart price rules of one specific coupon each, named by the code, for every
 * customer group of the default website: WooCommerce's discount types as OpenMage's actions ({@link #ACTIONS}), its
 * amount, usage limits and count, expiry, individual use (no other rule after it), free shipping, item limit; its
 * minimum and maximum spend as conditions on the subtotal, its products and categories (and the excluded ones) as
 * conditions on the cart's items and the discounted items; who used it (by user) as the coupon's use by customer. A
 * coupon restricted to customers' emails has no counterpart in OpenMage's rules: skipped with that reason, never made a
 * coupon for everyone.
 */
final class WooCoupons {

    /** WooCommerce's discount types as OpenMage's rule actions. */
    private static final Map<String, String> ACTIONS = Map.of("percent", "by_percent", "fixed_cart", "cart_fixed",
            "fixed_product", "by_fixed");
    private static final String ADDRESS = "salesrule/rule_condition_address";
    private static final String PRODUCT = "salesrule/rule_condition_product";

    private WooCoupons() {}

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        ShopDefaults defaults = ShopDefaults.of(job);
        List<String> groups = List.copyOf(ShopMetadata.of(job.destination()).customerGroupCodes());
        WooSkus skus = new WooSkus(job, shop);
        List<Map<String, String>> posts = shop.rows(shop.from("posts").where("post_type", TableQuery.Op.EQ, "shop_coupon").orderBy("ID"));
        List<String> ids = posts.stream().map(post -> post.get("ID")).toList();
        Map<String, Map<String, String>> meta = shop.postMeta(ids);
        Map<String, Map<String, Integer>> usedBy = usedBy(shop, ids);
        List<Record> records = new ArrayList<>();
        for (Map<String, String> post : posts) {
            Map<String, String> values = meta.getOrDefault(post.get("ID"), Map.of());
            records.add(rule(job, post, values, usedBy.getOrDefault(post.get("ID"), Map.of()), defaults, groups, skus));
        }
        return records.iterator();
    }

    private static Record rule(SyncJob job, Map<String, String> post, Map<String, String> meta, Map<String, Integer> usedBy,
                               ShopDefaults defaults, List<String> groups, WooSkus skus) {
        String code = post.get("post_title");
        Record rule = new Record("salesrule", post.get("ID"), "posts ID=" + post.get("ID") + " (coupon " + code + ")");
        if (Set.of("trash", "auto-draft").contains(post.get("post_status"))) {
            rule.outcome(Outcome.SKIPPED, "trash".equals(post.get("post_status")) ? "in WordPress's trash" : "an unsaved draft (auto-draft)");
            return rule;
        }
        if (!WordPress.list(meta.get("customer_email")).isEmpty()) {
            rule.outcome(Outcome.SKIPPED, "restricted to customers' emails, which an OpenMage cart rule cannot say");
            return rule;
        }
        String action = ACTIONS.get(meta.get("discount_type"));
        if (action == null) {
            rule.reject("discount_type", "WooCommerce's discount type '" + meta.get("discount_type") + "' has no OpenMage action"
                    + " (percent, fixed_cart and fixed_product have)");
            return rule;
        }
        rule.put("name", code);
        put(rule, "description", post.get("post_excerpt"));
        rule.put("is_active", "publish".equals(post.get("post_status")) ? "1" : "0");
        rule.put("coupon_type", "2");
        rule.put("use_auto_generation", "0");
        rule.put("simple_action", action);
        rule.put("discount_amount", Texts.decimal(meta.get("coupon_amount")).toPlainString());
        rule.put("stop_rules_processing", Texts.yes(meta.get("individual_use")) ? "1" : "0");
        rule.put("simple_free_shipping", Texts.yes(meta.get("free_shipping")) ? "2" : "0");
        rule.put("uses_per_coupon", number(meta.get("usage_limit")));
        rule.put("uses_per_customer", number(meta.get("usage_limit_per_user")));
        rule.put("discount_qty", number(meta.get("limit_usage_to_x_items")));
        rule.put("discount_step", "0"); // WooCommerce discounts no "buy X" steps: OpenMage's 0, none
        rule.put("times_used", number(meta.get("usage_count")));
        String expires = expiry(meta);
        put(rule, "to_date", expires);
        if (Texts.yes(meta.get("exclude_sale_items"))) {
            job.report().warn("salesrule " + rule.origin() + ": WooCommerce leaves items on sale out of it; an OpenMage rule"
                    + " cannot, so it discounts them too");
        }
        rule.addChild(SalesRuleHandler.WEBSITES.name(), new Record("salesrule_website", null, rule.origin()).put("website_id", defaults.website()));
        for (String group : groups) {
            rule.addChild(SalesRuleHandler.CUSTOMER_GROUPS.name(), new Record("salesrule_customer_group", null, rule.origin())
                    .put("customer_group_id", group));
        }
        conditions(rule, meta, skus, defaults.website());
        Record coupon = new Record("salesrule_coupon", null, rule.origin());
        coupon.put("code", code);
        coupon.put("usage_limit", rule.get("uses_per_coupon"));
        coupon.put("usage_per_customer", rule.get("uses_per_customer"));
        coupon.put("times_used", rule.get("times_used"));
        coupon.put("is_primary", "1");
        put(coupon, "expiration_date", expires);
        put(coupon, "created_at", Texts.gmt(post.get("post_date_gmt")));
        usedBy.forEach((user, times) -> coupon.addChild(SalesRuleHandler.COUPON_USAGE.name(), new Record("salesrule_coupon_usage",
                null, rule.origin()).put("customer_id", new Ref("customer", user, null, Ref.Missing.DROP_ROW)).put("times_used",
                String.valueOf(times))));
        rule.addChild(SalesRuleHandler.COUPONS.name(), coupon);
        return rule;
    }

    /**
     * The spend limits as conditions on the subtotal; the products and categories as a condition that the cart holds
     * one of them and as the actions' condition on which items get the discount, the excluded ones as the actions'.
     */
    private static void conditions(Record rule, Map<String, String> meta, WooSkus skus, String website) {
        List<Map<Object, Object>> conditions = new ArrayList<>();
        List<Map<Object, Object>> actions = new ArrayList<>();
        if (Texts.decimal(meta.get("minimum_amount")).signum() > 0) {
            conditions.add(RuleConditions.condition(ADDRESS, "base_subtotal", ">=", meta.get("minimum_amount").trim()));
        }
        if (Texts.decimal(meta.get("maximum_amount")).signum() > 0) {
            conditions.add(RuleConditions.condition(ADDRESS, "base_subtotal", "<=", meta.get("maximum_amount").trim()));
        }
        List<String> products = skus(meta.get("product_ids"), skus);
        List<String> excluded = skus(meta.get("exclude_product_ids"), skus);
        List<Ref> categories = categories(meta.get("product_categories"));
        List<Ref> excludedCategories = categories(meta.get("exclude_product_categories"));
        List<Map<Object, Object>> found = new ArrayList<>();
        if (!products.isEmpty()) {
            Map<Object, Object> bySku = RuleConditions.condition(PRODUCT, "sku", "()", String.join(", ", products));
            found.add(bySku);
            actions.add(bySku);
        }
        if (!categories.isEmpty()) {
            Map<Object, Object> byCategory = RuleConditions.condition(PRODUCT, "category_ids", "()", categoryValue(categories));
            found.add(byCategory);
            actions.add(byCategory);
        }
        if (!found.isEmpty()) {
            conditions.add(RuleConditions.combine("salesrule/rule_condition_product_found", found.toArray(Map[]::new)));
        }
        if (!excluded.isEmpty()) {
            actions.add(RuleConditions.condition(PRODUCT, "sku", "!()", String.join(", ", excluded)));
        }
        if (!excludedCategories.isEmpty()) {
            actions.add(RuleConditions.condition(PRODUCT, "category_ids", "!()", categoryValue(excludedCategories)));
        }
        rule.put("conditions_serialized", new RuleConditions(RuleConditions.combine("salesrule/rule_condition_combine",
                conditions.toArray(Map[]::new))));
        rule.put("actions_serialized", new RuleConditions(RuleConditions.combine("salesrule/rule_condition_product_combine",
                actions.toArray(Map[]::new))));
        Set<String> attributes = new LinkedHashSet<>();
        if (!products.isEmpty() || !excluded.isEmpty()) {
            attributes.add("sku");
        }
        if (!categories.isEmpty() || !excludedCategories.isEmpty()) {
            attributes.add("category_ids");
        }
        for (String attribute : attributes) {
            for (Record group : rule.children(SalesRuleHandler.CUSTOMER_GROUPS.name())) {
                rule.addChild(SalesRuleHandler.PRODUCT_ATTRIBUTES.name(), new Record("salesrule_product_attribute", null, rule.origin())
                        .put("website_id", website).put("customer_group_id", group.get("customer_group_id"))
                        .put("attribute_id", new AttributeRef("catalog_product", attribute)));
            }
        }
    }

    private static Object categoryValue(List<Ref> categories) {
        return new RuleConditions.Value(ValueKind.REFERENCE, "category_ids", List.copyOf(categories), RuleConditions.Form.COMMA_SPACE_LIST);
    }

    /** A coupon's products (a comma-separated list of post ids) by SKU. */
    private static List<String> skus(String ids, WooSkus skus) {
        List<String> posts = list(ids);
        Map<String, String> found = skus.of(posts);
        return posts.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Ref> categories(String ids) {
        return list(ids).stream().map(id -> new Ref("category", id, null, Ref.Missing.DROP_ROW)).toList();
    }

    /** WooCommerce keeps a coupon's ids as "12,34" (older versions) or as a serialized array. */
    private static List<String> list(String value) {
        if (Texts.blank(value)) {
            return List.of();
        }
        if (value.startsWith("a:")) {
            return WordPress.list(value);
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /** The expiry: WooCommerce 3's {@code date_expires} (a Unix time), or the older {@code expiry_date} (a date). */
    private static String expiry(Map<String, String> meta) {
        String expires = Texts.unixTime(meta.get("date_expires"));
        if (expires != null) {
            return expires.substring(0, 10);
        }
        String date = meta.get("expiry_date");
        return Texts.blank(date) ? null : date.trim();
    }

    /** Who used each coupon ({@code _used_by}: a user id, or a guest's email, which no customer has), by post id. */
    private static Map<String, Map<String, Integer>> usedBy(WordPress shop, List<String> ids) {
        Map<String, Map<String, Integer>> used = new HashMap<>();
        if (ids.isEmpty()) {
            return used;
        }
        for (Map<String, String> row : shop.rows(shop.from("postmeta").columns("post_id", "meta_value")
                .where("meta_key", TableQuery.Op.EQ, "_used_by").whereIn("post_id", ids))) {
            String user = row.get("meta_value");
            if (user != null && user.matches("\\d+")) {
                used.computeIfAbsent(row.get("post_id"), id -> new HashMap<>()).merge(user, 1, Integer::sum);
            }
        }
        return used;
    }

    private static String number(String value) {
        return Texts.blank(value) || !value.trim().matches("\\d+") ? "0" : value.trim();
    }

    private static void put(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value);
        }
    }
}
