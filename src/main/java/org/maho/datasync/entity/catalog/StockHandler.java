package org.maho.datasync.entity.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;

/**
 * Stock items on their own (also what {@code sync product --stock only} runs): every quantity, backorder, min and
 * max field of a product's stock, by sku and stock. A batch's changed items are written with one statement. An
 * item whose product the destination does not have is skipped with that reason.
 */
public final class StockHandler extends TableEntityHandler {

    public static final TableShape STOCK_ITEM = TableShape.flatEntity("cataloginventory_stock_item", "item_id")
            .ref("product_id", "product", Ref.Missing.INVALID);

    public StockHandler() {
        super("stock", STOCK_ITEM, Set.of(JobOption.ENTITY_IDS), "stock_item", "inventory");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("product");
    }

    /** A stock item changes as its product's stock, and goes with its product. */
    @Override
    public TrackedEntity tracked() {
        return TrackedEntity.of(type(), STOCK_ITEM.table(), "product_id", null);
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        if (!(record.get("product_id") instanceof Ref product) || product.naturalKey() == null) {
            return null;
        }
        return product.naturalKey() + "|" + record.text("stock_id");
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> skus = new HashSet<>();
        for (String key : keys) {
            skus.add(key.substring(0, key.lastIndexOf('|')));
        }
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT s.item_id, p.sku, s.stock_id FROM " + job.destination().table("cataloginventory_stock_item")
                        + " s JOIN " + job.destination().table("catalog_product_entity") + " p ON p.entity_id = s.product_id WHERE p.sku IN ",
                "", List.of(), skus, row -> found.put(row.getString(2).trim().toLowerCase(Locale.ROOT) + "|" + row.getString(3), row.getLong(1)));
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.get("product_id") instanceof Ref product && job.references().get(product) == null) {
            record.outcome(Outcome.SKIPPED, product + " is not on the destination");
        }
    }

    /** Every column of a changed item is written, so a batch's updates share one statement. */
    @Override
    protected boolean writesWholeRows(TableShape shape) {
        return true;
    }
}
