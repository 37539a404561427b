package org.maho.datasync.source.magento2;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.maho.datasync.db.ShopDatabase;

/**
 * OpenMage's tables as a Magento 2.4 shop keeps them: under the names of {@link Magento2Tables}, and where Magento 2 keeps
 * one in another shape, as a query in OpenMage's shape. Its product gallery links an image to its products in a table
 * of its own (catalog_product_entity_media_gallery_value_to_entity) and holds videos, which OpenMage has no place for;
 * with its multi-source inventory (MSI), a product's quantity is its source items' ({@link #stockSources}).
 */
final class Magento2Storage implements ShopDatabase.TableNames {

    /** Columns of OpenMage's stock item that MSI's source items decide; the others are the stock item's own. */
    private static final List<String> MSI_COLUMNS = List.of("qty", "is_in_stock");

    private final List<String> stockItemColumns;
    private final List<String> msiSources;

    /**
     * @param stockItemColumns the columns of the shop's cataloginventory_stock_item that OpenMage has too; empty when
     *                         the shop has no MSI (its stock items are read as they are)
     * @param msiSources       the MSI sources whose quantities are summed; empty: every source
     */
    Magento2Storage(List<String> stockItemColumns, List<String> msiSources) {
        this.stockItemColumns = stockItemColumns;
        this.msiSources = msiSources;
    }

    @Override
    public String name(String openMageTable) {
        return Magento2Tables.tableName(openMageTable);
    }

    @Override
    public String derived(String openMageTable, UnaryOperator<String> real) {
        String gallery = real.apply("catalog_product_entity_media_gallery");
        String toEntity = real.apply("catalog_product_entity_media_gallery_value_to_entity");
        return switch (openMageTable) {
            case "catalog_product_entity_media_gallery" -> "SELECT g.value_id, g.attribute_id, e.entity_id, g.value FROM " + gallery
                    + " g JOIN " + toEntity + " e ON e.value_id = g.value_id WHERE g.media_type = 'image'";
            case "catalog_product_entity_media_gallery_value" -> "SELECT v.value_id, v.store_id, v.label, v.position, v.disabled FROM "
                    + real.apply("catalog_product_entity_media_gallery_value") + " v";
            case "cataloginventory_stock_item" -> stockItemColumns.isEmpty() ? null : stockItems(real);
            default -> null;
        };
    }

    /**
     * Stock items with MSI: a product with source items has their quantity summed over the chosen sources, and is in
     * stock when one of them is; one without keeps its stock item's.
     */
    private String stockItems(UnaryOperator<String> real) {
        String sourceItems = real.apply("inventory_source_item");
        String chosen = msiSources.isEmpty() ? "" : " AND i.source_code IN (" + msiSources.stream()
                .map(code -> "'" + code.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
        String hasSourceItems = "EXISTS (SELECT 1 FROM " + sourceItems + " i WHERE i.sku = p.sku)";
        String own = stockItemColumns.stream().filter(column -> !MSI_COLUMNS.contains(column)).map(column -> "s." + column)
                .collect(Collectors.joining(", "));
        return "SELECT " + own + ", IF(" + hasSourceItems + ", COALESCE((SELECT SUM(i.quantity) FROM " + sourceItems + " i WHERE"
                + " i.sku = p.sku" + chosen + "), 0), s.qty) AS qty, IF(" + hasSourceItems + ", COALESCE((SELECT MAX(i.status) FROM "
                + sourceItems + " i WHERE i.sku = p.sku" + chosen + "), 0), s.is_in_stock) AS is_in_stock FROM "
                + real.apply("cataloginventory_stock_item") + " s LEFT JOIN " + real.apply("catalog_product_entity") + " p ON"
                + " p.entity_id = s.product_id";
    }

    /** What the report says of where stock comes from. */
    String stockSources() {
        if (stockItemColumns.isEmpty()) {
            return "stock from Magento 2's cataloginventory_stock_item (no multi-source inventory)";
        }
        return "stock from Magento 2's multi-source inventory: a product's quantity is the sum of its source items over "
                + (msiSources.isEmpty() ? "every source" : "the sources " + String.join(", ", msiSources))
                + " (datasync.magento2.msi-sources), in stock when one of them is; a product without source items keeps its"
                + " stock item's";
    }
}
