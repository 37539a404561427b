package org.maho.datasync.source;

import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.Record;

/** A product's gallery rows as every source gives them: a file under media/catalog/product, its place and label. */
public final class GalleryImages {

    private GalleryImages() {}

    /** A gallery row of the product's for a file ("/2017/12/hoodie.jpg"), shown in this position, with a label or none. */
    public static Record image(Record product, String file, int position, String label) {
        Record image = new Record("gallery", null, product.origin() + " (image " + file + ")");
        image.put("attribute_id", new AttributeRef(ProductHandler.ENTITY_TYPE, "media_gallery"));
        image.put("value", file);
        Record value = new Record("gallery_value", null, product.origin()).put("store_id", "admin")
                .put("position", String.valueOf(position)).put("disabled", "0");
        if (label != null && !label.isBlank()) {
            value.put("label", label);
        }
        image.addChild("values", value);
        return image;
    }
}
