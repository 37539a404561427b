package org.maho.datasync.entity.promo;

import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Cart price rules, by name: the rule with its conditions and actions (ids in them mapped,
 * {@link ValueKind#RULE_CONDITIONS}), websites, customer groups, a label per store view, the product attributes its
 * conditions use (which OpenMage loads on cart items), its coupons by code with their use counts and who used them,
 * and its uses per customer. An order placed at the source changes the rule's and coupon's counts, so the tracker's
 * incremental run brings the coupon's use to the destination with the order.
 *
 * <p>{@code product_ids} is a column of Magento 1.3 that OpenMage neither writes nor reads; its ids would name other
 * products on the destination, so it is not copied.
 */
public final class SalesRuleHandler extends KeyColumnHandler {

    public static final TableShape WEBSITES = TableShape.child("websites", "salesrule_website", null, "rule_id").keys("website_id");
    public static final TableShape CUSTOMER_GROUPS = TableShape.child("customer_groups", "salesrule_customer_group", null, "rule_id")
            .keys("customer_group_id");
    public static final TableShape LABELS = TableShape.child("labels", "salesrule_label", "label_id", "rule_id").keys("store_id");
    public static final TableShape PRODUCT_ATTRIBUTES = TableShape.child("product_attributes", "salesrule_product_attribute", null,
            "rule_id").kind("attribute_id", ValueKind.ATTRIBUTE).keys("website_id", "customer_group_id", "attribute_id");
    public static final TableShape COUPON_USAGE = TableShape.child("usage", "salesrule_coupon_usage", null, "coupon_id")
            .ref("customer_id", "customer", Ref.Missing.DROP_ROW).keys("customer_id");
    public static final TableShape COUPONS = TableShape.child("coupons", "salesrule_coupon", "coupon_id", "rule_id").keys("code")
            .with(COUPON_USAGE);
    public static final TableShape CUSTOMER_USES = TableShape.child("customer_uses", "salesrule_customer", "rule_customer_id", "rule_id")
            .ref("customer_id", "customer", Ref.Missing.DROP_ROW).keys("customer_id");
    public static final TableShape RULE = TableShape.flatEntity("salesrule", "rule_id")
            .kind("conditions_serialized", ValueKind.RULE_CONDITIONS).kind("actions_serialized", ValueKind.RULE_CONDITIONS)
            .kind("product_ids", ValueKind.NOT_COPIED)
            .with(WEBSITES, CUSTOMER_GROUPS, LABELS, PRODUCT_ATTRIBUTES, COUPONS, CUSTOMER_USES);

    public SalesRuleHandler() {
        super("salesrule", RULE, "name", Set.of(JobOption.ENTITY_IDS), "cart_rule");
    }

    @Override
    public TrackedEntity tracked() {
        return trackingByKey();
    }

    @Override
    public Set<String> notVerified() {
        return Set.of("product_ids");
    }
}
