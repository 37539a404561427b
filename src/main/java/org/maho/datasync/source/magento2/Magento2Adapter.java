package org.maho.datasync.source.magento2;

import java.util.Iterator;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.openmage.OpenMageAdapter;

/**
 * A Magento 2.4 shop database. Where Magento 2 keeps an entity in OpenMage's tables under other names, it is read as the
 * openmage adapter reads it, through the table names of {@link Magento2Tables} ({@link ShopDatabase#withTableNames}),
 * and each record is then changed where Magento 2's columns differ ({@link Magento2Schema#toOpenMage}). The entity types
 * whose Magento 2 tables differ in more than names (customers with their static columns, the catalog, sales) are not
 * read yet: {@link #reads} says which are.
 */
public final class Magento2Adapter implements SourceAdapter {

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

    @Override
    public ShopDatabase shopDatabase(ShopDatabase database) {
        return database.withTableNames(Magento2Tables::tableName);
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        Iterator<Record> records = tables.read(job);
        PasswordResets passwords = new PasswordResets(job);
        Magento2Schema schema = new Magento2Schema(job.handler().shape(), job.inputShop(), passwords, job.report()::warn);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (records.hasNext()) {
                    return true;
                }
                passwords.finish();
                return false;
            }

            @Override
            public Record next() {
                Record record = records.next();
                schema.toOpenMage(record);
                return record;
            }
        };
    }
}
