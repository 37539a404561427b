package org.maho.datasync.source.magento2;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.maho.datasync.db.DatabaseUnavailableException;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.PasswordResets;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.openmage.OpenMageAdapter;

/**
 * A Magento 2.4 shop database. Where Magento 2 keeps an entity in OpenMage's tables under other names, it is read as the
 * openmage adapter reads it, through the tables of {@link Magento2Storage} (Magento 2's names, and queries in OpenMage's shape
 * where it keeps a table in another) and with its model classes read as
 * OpenMage's aliases ({@link ShopDatabase#withNames}), and each record is then changed where Magento 2's columns differ
 * ({@link Magento2Schema#toOpenMage}); what stands for Magento 2's own machinery is not read. {@link #reads} says which
 * entity types are read (tags are not: Magento 2 has none).
 */
public final class Magento2Adapter implements SourceAdapter {

    /** The MSI sources whose quantities make a product's stock; empty: every source. */
    static final String MSI_SOURCES = "datasync.magento2.msi-sources";

    /** Tables Magento 2's Commerce edition keys by version (row_id) for its content staging. */
    private static final Set<String> STAGED = Set.of("catalog_product_entity", "catalog_category_entity");

    private final OpenMageAdapter tables = new OpenMageAdapter();

    @Override
    public String name() {
        return "magento2";
    }

    @Override
    public Input input() {
        return Input.DATABASE;
    }

    @Override
    public boolean reads(String entityType) {
        return Magento2Schema.READ.contains(entityType);
    }

    @Override
    public Set<JobOption> options() {
        return Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS);
    }

    @Override
    public boolean resumes() {
        return tables.resumes();
    }

    @Override
    public java.util.OptionalLong expectedRecords(SyncJob job) {
        return tables.expectedRecords(job);
    }

    /**
     * The shop's tables as OpenMage's ({@link Magento2Storage}): with MSI (source items present), a stock item's quantity
     * is its source items'.
     */
    @Override
    public ShopDatabase shopDatabase(ShopDatabase database, Settings settings) {
        List<String> stockItemColumns = List.of();
        if (hasRows(database, "inventory_source_item")) {
            stockItemColumns = database.columns("cataloginventory_stock_item").keySet().stream()
                    .filter(column -> !Magento2Tables.notRead("cataloginventory_stock_item").contains(column)).toList();
        }
        List<String> sources = java.util.Arrays.stream(settings.text(MSI_SOURCES).split(",")).map(String::trim)
                .filter(code -> !code.isEmpty()).toList();
        return database.withNames(new Magento2Storage(stockItemColumns, sources), model -> Magento2Classes.openMageAlias(model).orElse(model), new Magento2Values());
    }

    private static boolean hasRows(ShopDatabase database, String table) {
        if (!database.hasTable(table)) {
            return false;
        }
        try (java.sql.Connection connection = database.connection()) {
            boolean[] any = {false};
            Sql.query(connection, "SELECT 1 FROM " + database.table(table) + " LIMIT 1", List.of(), row -> any[0] = true);
            return any[0];
        } catch (java.sql.SQLException e) {
            throw new DatabaseUnavailableException("Cannot read " + table + " of the source database " + database.settings().describe()
                    + ": " + ShopDatabase.rootMessage(e), e);
        }
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        if (Set.of("stock", "product").contains(job.handler().type()) && job.source().tableNames() instanceof Magento2Storage storage) {
            job.report().note(storage.stockSources());
        }
        String entityTable = job.handler().shape().table();
        if (STAGED.contains(entityTable) && job.source().columns(entityTable).containsKey("row_id")) {
            throw new IllegalStateException(job.source().settings().describe() + " is a Magento 2 Commerce shop with content"
                    + " staging (" + entityTable + " keyed by row_id): its catalog cannot be read yet");
        }
        Iterator<Record> records = tables.read(job);
        PasswordResets passwords = new PasswordResets(job, "Magento 2", "magento2_hash_version");
        Magento2Schema schema = new Magento2Schema(job.handler().shape(), job.inputShop(), passwords, job.report()::warn);
        return new Iterator<>() {
            private Record next;

            @Override
            public boolean hasNext() {
                while (next == null && records.hasNext()) {
                    Record record = records.next();
                    if (schema.toOpenMage(record)) {
                        next = record;
                    }
                }
                if (next == null) {
                    passwords.finish();
                }
                return next != null;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Record record = next;
                next = null;
                return record;
            }
        };
    }
}
