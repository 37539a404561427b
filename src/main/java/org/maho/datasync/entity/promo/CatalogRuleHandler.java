package org.maho.datasync.entity.promo;

import java.sql.Connection;
import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Catalog price rules, by name: the rule with its conditions and actions (their option, attribute set, tax class
 * and category ids mapped, {@link ValueKind#RULE_CONDITIONS}), the websites and customer groups it applies to. The
 * prices it gives (catalogrule_product, catalogrule_product_price, catalogrule_group_website) are the destination's
 * to compute from its own catalog, as the run's report says.
 */
public final class CatalogRuleHandler extends KeyColumnHandler {

    public static final TableShape WEBSITES = TableShape.child("websites", "catalogrule_website", null, "rule_id").keys("website_id");
    public static final TableShape CUSTOMER_GROUPS = TableShape.child("customer_groups", "catalogrule_customer_group", null, "rule_id")
            .keys("customer_group_id");
    public static final TableShape RULE = TableShape.flatEntity("catalogrule", "rule_id")
            .kind("conditions_serialized", ValueKind.RULE_CONDITIONS).kind("actions_serialized", ValueKind.RULE_CONDITIONS)
            .with(WEBSITES, CUSTOMER_GROUPS);

    public CatalogRuleHandler() {
        super("catalogrule", RULE, "name", Set.of(JobOption.ENTITY_IDS), "catalog_rule");
    }

    @Override
    public TrackedEntity tracked() {
        return trackingByKey();
    }

    @Override
    public void finish(SyncJob job, Connection destination) {
        if (job.report().processed() > job.report().count(Outcome.UNCHANGED)) {
            job.report().note("catalog price rules' prices are the destination's to compute: press \"Apply Rules\" under"
                    + " Promotions > Catalog Price Rules there, or let its cron (catalogrule_apply_all) run");
        }
    }
}
