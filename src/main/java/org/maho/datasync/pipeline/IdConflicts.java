package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.source.SourceAdapters;

/**
 * {@code --keep-ids} looks before it writes: a destination row at an id the source's entity of the same id would take is
 * a conflict, unless it is that entity already (the registry maps it there: a mirror synced before; or its natural key
 * is the source entity's: the admin store, the tree root). A run with a conflict writes nothing.
 */
public final class IdConflicts {

    private static final int SHOWN = 5;

    private IdConflicts() {}

    /** The job's conflicts, described ("cms_page 5: 'enable-cookies' on the destination, 'home' at the source"). */
    public static List<String> of(SyncJob job) {
        EntityHandler handler = job.handler();
        TableShape shape = handler.shape();
        if (!job.spec().keepIds() || handler.keptIds() != EntityHandler.KeptIds.ALWAYS || shape.idColumn() == null
                || job.source() == null) {
            return List.of();
        }
        try {
            List<String> sourceIds = inBoth(ids(job.source(), shape), ids(job.destination(), shape));
            if (sourceIds.isEmpty()) {
                return List.of();
            }
            Map<String, Long> mirrored;
            try (Connection connection = job.destination().connection()) {
                mirrored = job.registry().resolve(connection, handler.type(), sourceIds);
            }
            List<String> unmirrored = sourceIds.stream().filter(id -> !Long.valueOf(id).equals(mirrored.get(id))).toList();
            if (unmirrored.isEmpty()) {
                return List.of();
            }
            Map<String, String> sourceKeys = naturalKeys(job, job.spec(), unmirrored);
            JobSpec destinationSpec = new JobSpec().entityType(handler.type()).sourceSystem(job.spec().sourceSystem())
                    .adapter("openmage").source(job.destination().settings()).batchSize(job.spec().batchSize());
            Map<String, String> destinationKeys = naturalKeys(job, destinationSpec, unmirrored);
            List<String> conflicts = new ArrayList<>();
            for (String id : unmirrored) {
                String atSource = sourceKeys.get(id);
                String atDestination = destinationKeys.get(id);
                if (atSource != null && !atSource.equals(atDestination)) {
                    conflicts.add(handler.type() + " " + id + " (" + shape.table() + "." + shape.idColumn() + "): '" + atDestination
                            + "' on the destination, '" + atSource + "' at the source");
                }
            }
            return conflicts;
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking for rows of the destination's own at the source's " + handler.type() + " ids", e);
        }
    }

    /** At most a few conflicts, with how many more there are. */
    public static String describe(List<String> conflicts) {
        String shown = String.join("\n  ", conflicts.subList(0, Math.min(SHOWN, conflicts.size())));
        return "  " + shown + (conflicts.size() > SHOWN ? "\n  and " + (conflicts.size() - SHOWN) + " more" : "");
    }

    /** The table's ids in order, as an array: a million orders' ids take 8 MB, not a set's 60. */
    private static long[] ids(ShopDatabase shop, TableShape shape) throws SQLException {
        long[][] ids = {new long[1024]};
        int[] count = {0};
        String id = shape.idColumn();
        shop.select(null, TableQuery.from(shape.table()).columns(id).orderBy(id), row -> {
            if (count[0] == ids[0].length) {
                ids[0] = java.util.Arrays.copyOf(ids[0], count[0] * 2);
            }
            ids[0][count[0]++] = Long.parseLong(row.get(id));
        });
        return java.util.Arrays.copyOf(ids[0], count[0]);
    }

    /** The ids both ordered arrays hold. */
    private static List<String> inBoth(long[] one, long[] other) {
        List<String> both = new ArrayList<>();
        for (int i = 0, j = 0; i < one.length && j < other.length; ) {
            if (one[i] < other[j]) {
                i++;
            } else if (one[i] > other[j]) {
                j++;
            } else {
                both.add(String.valueOf(one[i]));
                i++;
                j++;
            }
        }
        return both;
    }

    /** The natural keys of the records these ids are, as the job's reader reads them (a shop database's). */
    private static Map<String, String> naturalKeys(SyncJob job, JobSpec spec, List<String> ids) {
        JobSpec reading = new JobSpec().entityType(spec.entityType()).sourceSystem(spec.sourceSystem()).adapter(spec.adapter())
                .source(spec.source()).agent(spec.agent()).batchSize(spec.batchSize()).rewrite(spec.rewrite()).entityIds(ids);
        boolean fromSource = java.util.Objects.equals(reading.source(), job.spec().source())
                && java.util.Objects.equals(reading.agent(), job.spec().agent());
        SyncJob reader = job.reading(reading, fromSource ? job.source() : job.destination());
        Map<String, String> keys = new HashMap<>();
        SourceAdapters.installed().read(reader).forEachRemaining((Record record) ->
                keys.put(record.sourceId(), job.handler().naturalKey(reader, record)));
        return keys;
    }
}
