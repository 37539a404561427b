package org.maho.datasync.entity;

import java.util.List;

/** Category attribute definitions; see {@link AttributeHandler}. */
public final class CategoryAttributeHandler extends AttributeHandler {
    public CategoryAttributeHandler() {
        super("categoryattribute", "catalog_category", CATALOG, List.of(), "category_attribute");
    }
}
