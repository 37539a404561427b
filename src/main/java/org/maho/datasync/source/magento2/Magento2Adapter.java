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
 * openmage adapter reads it, through the table names of {@link Magento2Tables} and with its model classes read as
 * OpenMage's aliases ({@link ShopDatabase#withNames}), and each record is then changed where Magento 2's columns differ
 * ({@link Magento2Schema#toOpenMage}); what stands for Magento 2's own machinery is not read. {@link #reads} says which
 * entity types are read (not yet: products, stock, reviews, rules, URL rewrites).
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
        return database.withNames(Magento2Tables::tableName, model -> Magento2Classes.openMageAlias(model).orElse(model),
                new Magento2Values());
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        Iterator<Record> records = tables.read(job);
        PasswordResets passwords = new PasswordResets(job);
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
