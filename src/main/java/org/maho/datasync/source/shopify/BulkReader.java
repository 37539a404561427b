package org.maho.datasync.source.shopify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.LookAhead;

/**
 * An export's records read from the shop's Admin API instead of its file: one bulk query, its answer's objects as the
 * export's lines ({@link BulkRows}), each object's lines through the export's format. The downloaded answer is deleted
 * once read.
 */
final class BulkReader {

    private BulkReader() {}

    static Iterator<Record> read(SyncJob job, ShopifyFormat format) {
        ShopifyApi api = new ShopifyApi(job.spec().api(), job.settings());
        Path file = api.bulk(BulkRows.query(format.export()));
        if (api.waitedMillis() > 0) {
            job.report().warn(format.export().entityType + ": Shopify's rate limit held the bulk query's calls back for "
                    + api.waitedMillis() + " ms in all");
        }
        Iterator<BulkLines.Group> groups = BulkLines.read(file);
        String source = "Shopify API " + format.export().entityType + "s";
        ArrayDeque<Record> queued = new ArrayDeque<>();
        return new LookAhead<>() {
            @Override
            protected Record advance() {
                while (queued.isEmpty()) {
                    if (!groups.hasNext()) {
                        delete(file);
                        return null;
                    }
                    BulkLines.Group group = groups.next();
                    queued.addAll(format.toRecords(BulkRows.rows(format.export(), group, source + " " + group.root().path("id").asText()), job));
                }
                return queued.poll();
            }
        };
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the system removes it in time
        }
    }
}
