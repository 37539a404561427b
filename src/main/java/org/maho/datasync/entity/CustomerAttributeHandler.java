package org.maho.datasync.entity;

import java.util.List;

/** Customer attribute definitions; see {@link AttributeHandler}. */
public final class CustomerAttributeHandler extends AttributeHandler {
    public CustomerAttributeHandler() {
        super("customerattribute", "customer", CUSTOMER, List.of(FORMS), "customer_attribute");
    }
}
