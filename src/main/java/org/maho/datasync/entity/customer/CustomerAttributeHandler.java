package org.maho.datasync.entity.customer;

import java.util.List;
import org.maho.datasync.entity.AttributeHandler;

/** Customer attribute definitions; see {@link AttributeHandler}. */
public final class CustomerAttributeHandler extends AttributeHandler {
    public CustomerAttributeHandler() {
        super("customerattribute", "customer", CUSTOMER, List.of(FORMS), "customer_attribute");
    }
}
