package org.maho.datasync.entity.customer;

import java.util.List;
import org.maho.datasync.entity.AttributeHandler;

/** Address attribute definitions; see {@link AttributeHandler}. */
public final class AddressAttributeHandler extends AttributeHandler {
    public AddressAttributeHandler() {
        super("addressattribute", "customer_address", CUSTOMER, List.of(FORMS), "address_attribute", "customer_address_attribute");
    }
}
