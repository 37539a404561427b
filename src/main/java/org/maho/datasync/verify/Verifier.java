package org.maho.datasync.verify;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.RecordRewrite;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.SourceAdapters;

/**
 * Compares a source shop with a destination as portable records: both are read by the same reader, so both sides
 * hold codes and natural keys, never ids. The source is read page by page; each page's counterparts are found by
 * natural key with one query and read by id with one more, so memory holds a page and a bit per destination id
 * whatever the shop's size. Destination records no source record matched are the extras.
 */
public final class Verifier {

    /** The destination is an OpenMage database, read as the openmage adapter reads a source. */
    private static final SourceAdapter READER = SourceAdapters.installed().get("openmage");

    private final EntityHandlers handlers;
    /** The adapter that reads the source: openmage, or another shop database's (magento2). */
    private final String sourceAdapter;
    private final ShopDatabase source;
    private final ShopDatabase destination;
    private final Registry registry;
    private final Path workDirectory;
    private final Settings settings;
    private RecordRewrite rewrite;

    /**
     * @param workDirectory where the reading jobs would put dead letters (reading never writes one)
     * @param settings      the application's settings, which some readers follow (the config paths never copied)
     */
    public Verifier(EntityHandlers handlers, String sourceAdapter, ShopDatabase source, ShopDatabase destination, Registry registry,
                    Path workDirectory, Settings settings) {
        this.handlers = handlers;
        this.sourceAdapter = sourceAdapter;
        this.source = source;
        this.destination = destination;
        this.registry = registry;
        this.workDirectory = workDirectory;
        this.settings = settings;
    }

    /**
     * Compares the destination with the source's records as {@code sync --anonymize} wrote them: rewritten the same way
     * before they are compared, so every field is compared, the fakes included.
     */
    public Verifier rewriting(RecordRewrite value) {
        rewrite = value;
        return this;
    }

    /**
     * Verifies one entity type.
     *
     * @param pageSize    source records compared per round of queries
     * @param differences hears every difference found, in order
     */
    public TypeVerification verify(String entityType, int pageSize, Consumer<Difference> differences) {
        EntityHandler handler = handlers.find(entityType).orElseThrow(() -> new IllegalArgumentException("unknown entity " + entityType));
        SyncJob sourceJob = job(handler, sourceAdapter, source, pageSize);
        sourceJob.spec().rewrite(rewrite);
        SyncJob destinationJob = job(handler, READER.name(), destination, pageSize);
        TypeVerification result = new TypeVerification(handler.type());
        RecordForms destinationForms = new RecordForms(handler, handlers, destination, source, null);
        BitSet matched = new BitSet();
        Set<Long> matchedBeyondBitSet = new HashSet<>();
        Consumer<Difference> found = difference -> {
            result.sample(difference);
            differences.accept(difference);
        };
        Iterator<Record> records = SourceAdapters.installed().read(sourceJob);
        List<Record> page = new ArrayList<>(pageSize);
        while (records.hasNext()) {
            page.add(records.next());
            if (page.size() == pageSize || !records.hasNext()) {
                comparePage(handler, sourceJob, destinationJob, destinationForms, page, result, found,
                        id -> mark(matched, matchedBeyondBitSet, id));
                page.clear();
            }
        }
        destinationJob.spec().entityIds(List.of());
        Iterator<Record> all = READER.read(destinationJob);
        while (all.hasNext()) {
            Record record = all.next();
            long id = Long.parseLong(record.sourceId());
            boolean seen = id <= Integer.MAX_VALUE ? matched.get((int) id) : matchedBeyondBitSet.contains(id);
            if (!seen) {
                result.countExtra();
                found.accept(Difference.extra(handler.type(), String.valueOf(handler.naturalKey(destinationJob, record))));
            }
        }
        result.finish();
        return result;
    }

    private static void mark(BitSet matched, Set<Long> beyond, long id) {
        if (id <= Integer.MAX_VALUE) {
            matched.set((int) id);
        } else {
            beyond.add(id);
        }
    }

    private SyncJob job(EntityHandler handler, String adapter, ShopDatabase shop, int pageSize) {
        // a reading job: nothing it reads is written, and an adapter writes nothing beside it (a list of password resets)
        JobSpec spec = new JobSpec().entityType(handler.type()).sourceSystem(registry.sourceSystem())
                .adapter(adapter).source(shop.settings()).batchSize(pageSize).dryRun(true);
        return new SyncJob(spec, handlers, handler, shop, destination, registry, workDirectory).settings(settings);
    }

    private void comparePage(EntityHandler handler, SyncJob sourceJob, SyncJob destinationJob, RecordForms destinationForms,
                             List<Record> page, TypeVerification result, Consumer<Difference> found,
                             java.util.function.LongConsumer matched) {
        Map<Record, String> keys = new LinkedHashMap<>();
        for (Record record : page) {
            result.countSource();
            String key = handler.naturalKey(sourceJob, record);
            if (key == null) {
                result.countWithoutKey();
                result.countMissing();
                found.accept(new Difference(handler.type(), record.origin(), null, "a record without a natural key", null));
            } else {
                keys.put(record, key);
            }
        }
        Map<String, Long> targets;
        Map<String, Map<String, Long>> registered;
        try (Connection connection = destination.connection()) {
            targets = handler.findByNaturalKeys(destinationJob, connection, new LinkedHashSet<>(keys.values()));
            registered = registeredIds(connection, page);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up " + handler.type() + " records on the destination", e);
        }
        Map<Long, Record> counterparts = new HashMap<>();
        if (!targets.isEmpty()) {
            destinationJob.spec().entityIds(targets.values().stream().distinct().map(String::valueOf).toList());
            READER.read(destinationJob).forEachRemaining(record -> counterparts.put(Long.parseLong(record.sourceId()), record));
        }
        RecordForms sourceForms = new RecordForms(handler, handlers, source, destination,
                (type, id) -> registered.getOrDefault(type, Map.of()).get(id));
        for (Map.Entry<Record, String> entry : keys.entrySet()) {
            String key = entry.getValue();
            Long target = targets.get(key);
            Record counterpart = target == null ? null : counterparts.get(target);
            if (counterpart == null) {
                result.countMissing();
                found.accept(Difference.missing(handler.type(), key));
                continue;
            }
            matched.accept(target);
            List<Difference> differences = FormComparison.compare(handler.type(), key, sourceForms.of(entry.getKey(), key),
                    destinationForms.of(counterpart, key));
            if (differences.isEmpty()) {
                result.countEqual();
            } else {
                result.countDiffering();
                differences.forEach(found);
            }
        }
    }

    /** The destination ids the registry holds for the page's references to rows without a natural key. */
    private Map<String, Map<String, Long>> registeredIds(Connection connection, List<Record> page) throws SQLException {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (Record record : page) {
            collectUnkeyedRefs(record, wanted);
        }
        Map<String, Map<String, Long>> ids = new HashMap<>();
        for (Map.Entry<String, Set<String>> type : wanted.entrySet()) {
            ids.put(type.getKey(), registry.resolve(connection, type.getKey(), type.getValue()));
        }
        return ids;
    }

    private void collectUnkeyedRefs(Record record, Map<String, Set<String>> wanted) {
        for (Object value : record.fields().values()) {
            if (value instanceof Ref ref && ref.naturalKey() == null && ref.sourceId() != null
                    && handlers.find(ref.entityType()).isEmpty()) {
                wanted.computeIfAbsent(ref.entityType(), k -> new LinkedHashSet<>()).add(ref.sourceId());
            }
        }
        record.allChildren().values().forEach(children -> children.forEach(child -> collectUnkeyedRefs(child, wanted)));
    }
}
