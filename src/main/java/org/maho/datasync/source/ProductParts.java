package org.maho.datasync.source;

import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.LinkAttributeRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * The parts of a product record every source that builds its own gives alike: gallery rows, its stock item, a
 * configurable's or grouped product's children, a downloadable product's links.
 */
public final class ProductParts {

    private ProductParts() {}

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

    /**
     * The product's stock item in the default stock, its own settings rather than the configuration's.
     *
     * @param qty        the quantity, or null for none
     * @param backorders OpenMage's backorders (0, 1, 2), or null to keep the configuration's
     */
    public static void stock(Record product, boolean managed, String qty, boolean inStock, String backorders) {
        Record item = new Record("stock", null, product.origin() + " (stock)");
        item.put("stock_id", "1");
        item.put("manage_stock", managed ? "1" : "0");
        item.put("use_config_manage_stock", "0");
        if (qty != null) {
            item.put("qty", qty);
        }
        item.put("is_in_stock", inStock ? "1" : "0");
        if (backorders != null) {
            item.put("backorders", backorders);
            item.put("use_config_backorders", "0");
        }
        product.addChild(ProductHandler.STOCK.name(), item);
    }

    /** An attribute a configurable varies by, in this position among its attributes. */
    public static void superAttribute(Record product, String code, int position) {
        product.addChild(ProductHandler.SUPER_ATTRIBUTES.name(), new Record("super_attribute", null, product.origin())
                .put("attribute_id", new AttributeRef(ProductHandler.ENTITY_TYPE, code)).put("position", String.valueOf(position)));
    }

    /** A configurable's child: its super link and its relation. */
    public static void configurableChild(Record product, Ref child) {
        product.addChild(ProductHandler.SUPER_LINKS.name(), new Record("super_link", null, product.origin()).put("product_id", child));
        product.addChild(ProductHandler.RELATIONS.name(), new Record("relation", null, product.origin()).put("child_id", child));
    }

    /** A grouped product's child in this position: its link (returned, for a source that gives a quantity too) and relation. */
    public static Record groupedChild(Record product, Ref child, int position) {
        Record link = new Record("link", null, product.origin()).put("link_type_id", "super").put("linked_product_id", child);
        link.addChild("attributes_int", new Record("link_position", null, product.origin())
                .put("product_link_attribute_id", new LinkAttributeRef("super", "position")).put("value", String.valueOf(position)));
        product.addChild(ProductHandler.LINKS.name(), link);
        product.addChild(ProductHandler.RELATIONS.name(), new Record("relation", null, product.origin()).put("child_id", child));
        return link;
    }

    /**
     * A downloadable product's link to a file by URL, with its title (or none), downloads limited as given (none, or a
     * negative number, is unlimited), in this place among the links.
     */
    public static void downloadLink(Record product, String url, String title, String limit, int sort) {
        Record link = new Record("downloadable_link", null, product.origin() + " (file " + title + ")");
        link.put("link_type", "url");
        link.put("link_url", url);
        link.put("number_of_downloads", limit == null || limit.isBlank() || limit.trim().startsWith("-") ? "0" : limit.trim());
        link.put("sort_order", String.valueOf(sort));
        if (title != null) {
            link.addChild("titles", new Record("downloadable_link_title", null, product.origin()).put("store_id", "admin").put("title", title));
        }
        product.addChild(ProductHandler.DOWNLOADABLE_LINKS.name(), link);
    }
}
