package org.maho.datasync.entity.catalog;

import java.util.List;
import org.maho.datasync.entity.AttributeHandler;

/** Category attribute definitions; see {@link AttributeHandler}. */
public final class CategoryAttributeHandler extends AttributeHandler {
    public CategoryAttributeHandler() {
        super("categoryattribute", "catalog_category", CATALOG, List.of(), "category_attribute");
    }
}
