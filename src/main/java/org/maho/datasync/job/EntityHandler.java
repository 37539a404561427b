package org.maho.datasync.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.maho.datasync.model.Record;
import org.maho.datasync.sink.PlannedWrite;

/**
 * Everything the pipeline needs to know about one entity type on the destination: its tables, its natural key, how
 * its records are validated, planned and deleted. Implementations are found through {@link java.util.ServiceLoader};
 * the pipeline has no branch for any of them. Reading a source is a source adapter's.
 *
 * <p>Stages call the handler in this order for each batch: {@link #resolveIdentity}, {@link #validate} per
 * record, {@link #plan}. A handler knows records and the mapping API; the sink runs the plan.
 */
public interface EntityHandler {

    /** The entity type name used on the command line and in the registry: "customer". */
    String type();

    /** Other names accepted on the command line. */
    default List<String> aliases() {
        return List.of();
    }

    /** The optional CLI options that apply to this entity. */
    Set<JobOption> options();

    /**
     * Destination ids of existing entities by natural key (sku, email|website, url-key path), one query per
     * batch: for identity, and for references from other entities.
     */
    default java.util.Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, java.util.Collection<String> keys)
            throws SQLException {
        return java.util.Map.of();
    }

    /** Which of the given destination ids still exist (a registry entry may point at a deleted row). */
    default java.util.Set<Long> existingIds(SyncJob job, Connection destination, java.util.Collection<Long> ids)
            throws SQLException {
        return new java.util.HashSet<>(ids);
    }

    /** Natural keys of source entities by id, for references to them from other records. */
    default java.util.Map<String, String> naturalKeysOf(SyncJob job, org.maho.datasync.db.ShopDatabase shop, Connection connection,
                                                        java.util.Collection<Long> ids) throws SQLException {
        return java.util.Map.of();
    }

    /**
     * Runs inside a batch's transaction once its rows are written, with the records written: destination state that
     * follows from them and must commit or roll back with them (the increment counters of sales documents).
     */
    default void written(SyncJob job, Connection destination, List<Record> records) throws SQLException {}

    /** Runs after a batch committed, with its written records: work outside the database (product image files). */
    default void committed(SyncJob job, List<Record> records) {}

    /** Runs once after the last batch of a run that wrote (category trees recount their children). */
    default void finish(SyncJob job, Connection destination) throws SQLException {}

    /**
     * Removes destination entities whose source entity was deleted, with their registry entries: their rows, and the
     * rows that belong to them through the shop's foreign keys. Runs in the caller's transaction.
     */
    default void deleteTargets(SyncJob job, Connection destination, java.util.Collection<Long> ids) throws SQLException {
        throw new UnsupportedOperationException(type() + " does not mirror deletions");
    }

    /**
     * Retires destination entities as the shop itself retires one (a customer deactivated, a product disabled) instead
     * of removing them; false when this entity type has no such form.
     */
    default boolean retireTargets(SyncJob job, Connection destination, java.util.Collection<Long> ids) throws SQLException {
        return false;
    }

    /** The entity's tables: what its records hold, for the readers, the planner and verify. */
    org.maho.datasync.model.TableShape shape();

    /**
     * Attributes whose value is the id of one of the record's own children, attribute code to child list
     * (a customer's default_billing points at one of its addresses).
     */
    default java.util.Map<String, String> childReferenceFields() {
        return java.util.Map.of();
    }

    /**
     * Fields and child lists {@code datasync verify} does not compare: those that follow from others (a category's
     * path and children count, an order's grid row) and those another entity type compares (a product's stock).
     * {@code updated_at} is never compared: the shop sets it.
     */
    default Set<String> notVerified() {
        return Set.of();
    }

    /**
     * Entity types this one refers to that are written after it, because they depend on it in turn (a store group's
     * root category): a whole-shop sync runs this type again once they are written, which sets those references.
     */
    default List<String> revisitAfter() {
        return List.of();
    }

    /**
     * The entity types whose rows this type's records need on the destination before they are written: what they
     * refer to, and what those refer to in turn is waited for through them. A whole sync runs this type beside
     * others once these are written ({@link SyncPlan}). Null, the default: every type before it in
     * {@link EntityHandlers#IN_DEPENDENCY_ORDER}, so a type runs alone unless it says what it needs.
     */
    default Set<String> needsWritten() {
        return null;
    }

    /**
     * What the change tracker follows of this entity on a source shop: its tables and the SQL that gives a deleted
     * row's natural key, beside {@link #naturalKey}; null for types that only full syncs move.
     */
    default TrackedEntity tracked() {
        return null;
    }

    /**
     * The natural key a reference to this entity holds once the fields it is made of are rewritten (anonymized): a
     * customer's email|website with the email's fake. The key as it is for types whose key holds no rewritten field.
     */
    default String rewriteNaturalKey(String naturalKey, FieldRewrite rewrite) {
        return naturalKey;
    }

    /** A field's value as a rewrite of this entity's records gives it (the value itself where it keeps it). */
    @FunctionalInterface
    interface FieldRewrite {
        String apply(String field, String value);

        /** A key of the form value|scope (email|website, email|store) with its value rewritten as the field. */
        default String firstPart(String naturalKey, String field) {
            int bar = naturalKey.lastIndexOf('|');
            if (bar < 0) {
                return naturalKey;
            }
            String value = apply(field, naturalKey.substring(0, bar));
            return (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT)) + naturalKey.substring(bar);
        }
    }

    /** How {@code --keep-ids} gives this type's new rows their source ids. */
    enum KeptIds {
        /** Always: a destination row of its own at a source id is a conflict, and the run refuses to start. */
        ALWAYS,
        /** Where the destination has no row of its own at that id (attributes, options, stores: the shop's structure). */
        WHERE_FREE
    }

    default KeptIds keptIds() {
        return KeptIds.ALWAYS;
    }

    /** The natural key of a record (email|website, sku, url-key path), or null when it has none. */
    String naturalKey(SyncJob job, Record record);

    /** Sets the destination id of every record that already exists there; may reject records (conflicts). */
    void resolveIdentity(SyncJob job, Connection destination, List<Record> records) throws SQLException;

    /** Records every reason the record cannot be written. */
    void validate(SyncJob job, Record record);

    /**
     * Plans the batch's writes against the destination's current state, and each record's outcome. Runs inside
     * the write transaction; for a dry run the plan is computed and discarded.
     */
    PlannedWrite plan(SyncJob job, Connection destination, List<Record> records) throws SQLException;
}
