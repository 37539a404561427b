package org.maho.datasync.source;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * One kind of source: reads entity types into portable records, whose values hold codes (website code, group code,
 * an option's admin label, an attribute's code) and whose references hold natural keys or the source's ids, never a
 * source shop's other ids. Everything after the read is the same for every adapter. Adapters are found through
 * {@link java.util.ServiceLoader} by {@link #name}: a new source is its own package and one line in
 * {@code META-INF/services/org.maho.datasync.source.SourceAdapter}.
 */
public interface SourceAdapter {

    /** Where an adapter reads from, which decides the command-line options that name the source. */
    enum Input {
        /** A shop database: --db-host, --db-port, --db-name, --db-user, --db-pass, --db-prefix. */
        DATABASE,
        /** A file: -f/--file. */
        FILE,
        /** A shop database behind the source agent on its web server: --url, the secret from DATASYNC_AGENT_SECRET. */
        AGENT,
        /** A shop's web API: --url and --api-key. */
        API;

        /** Whether it reads a whole shop (every entity type from one place), not one file's records. */
        public boolean isShop() {
            return this != FILE;
        }
    }

    /**
     * Whether the shop it reads keeps OpenMage's tables, as {@link #shopDatabase} shows them (an OpenMage or Magento 2
     * shop): the pipeline then finds the source shop's stores, attributes and ids there ({@link SyncJob#source}). A
     * shop of another kind (a WordPress database) is read by its adapter alone ({@link SyncJob#sourceDatabase}), and
     * its records hold codes and the destination's ids, as a file's do.
     */
    default boolean readsOpenMageSchema() {
        return input().isShop();
    }

    /** The name {@code -a} takes: "openmage", "csv". */
    String name();

    /** Other names {@code -a} accepts for it. */
    default List<String> aliases() {
        return List.of();
    }

    Input input();

    /**
     * Every kind of source it reads, {@link #input} the one it reads unless told otherwise: Shopify's adapter reads its
     * exports, or its Admin API when --url names the shop.
     */
    default Set<Input> inputs() {
        return Set.of(input());
    }

    /** Whether it can read this entity type. */
    boolean reads(String entityType);

    /** The optional options it can honour for the types it reads (a date filter, --entity-ids). */
    Set<JobOption> options();

    /**
     * Whether its reading can start after a {@link org.maho.datasync.job.ReadPosition} (the job's
     * {@link org.maho.datasync.job.JobSpec#resume}), so that an interrupted full sync goes on where it was. Its records
     * then carry ids that grow within each reading pass, and their pass.
     */
    default boolean resumes() {
        return false;
    }

    /**
     * About how many records the job reads, for the progress line of the command line: a count where it is cheap, an
     * estimate where it is not (the table's statistics), or empty when the adapter cannot tell before it has read them.
     */
    default java.util.OptionalLong expectedRecords(SyncJob job) {
        return java.util.OptionalLong.empty();
    }

    /**
     * The source shop's database as this adapter reads it: a database of another schema (Magento 2) names some of
     * OpenMage's tables otherwise ({@link ShopDatabase#withNames}), so that the code that reads OpenMage's tables by
     * name reads it too.
     */
    default ShopDatabase shopDatabase(ShopDatabase database, Settings settings) {
        return database;
    }

    /** The source shop as an adapter of {@link Input#AGENT} reaches it, through the agent at the endpoint. */
    default ShopDatabase remoteShop(org.maho.datasync.db.AgentEndpoint endpoint, Settings settings) {
        throw new UnsupportedOperationException(name() + " reads no shop through an agent");
    }

    /** The job's records, in the order they are to be written; the iterator holds a page at most. */
    Iterator<Record> read(SyncJob job);
}
