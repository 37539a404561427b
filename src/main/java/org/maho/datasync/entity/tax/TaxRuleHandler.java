package org.maho.datasync.entity.tax;

import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Tax rules, by code, with their calculation rows: each a rate (by its code), a customer tax class and a product tax
 * class (by name), as the rule's form in the admin saves them.
 */
public final class TaxRuleHandler extends KeyColumnHandler {

    public static final TableShape CALCULATIONS = TableShape.child("calculations", "tax_calculation", "tax_calculation_id",
                    "tax_calculation_rule_id")
            .ref("tax_calculation_rate_id", "taxrate", Ref.Missing.INVALID)
            .kind("customer_tax_class_id", ValueKind.TAX_CLASS).kind("product_tax_class_id", ValueKind.TAX_CLASS)
            .keys("tax_calculation_rate_id", "customer_tax_class_id", "product_tax_class_id");
    public static final TableShape RULE = TableShape.flatEntity("tax_calculation_rule", "tax_calculation_rule_id").with(CALCULATIONS);

    public TaxRuleHandler() {
        super("taxrule", RULE, "code", Set.of(JobOption.ENTITY_IDS), "tax_calculation_rule");
    }

    /** Part of the shop's set-up: a clean install comes with a rule of its own, so a source id is kept only where free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }
}
