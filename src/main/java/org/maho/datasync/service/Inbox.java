package org.maho.datasync.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.maho.datasync.job.EntityReport;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.source.SourceAdapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox route's step (service-routes/inbox.camel.yaml): a CSV file dropped into {@code <inbox>/<entity>/} is
 * imported as {@code sync <entity> -f <file>} would import it, and its report is written beside where the route moves
 * it: {@code done/} when every record was written, {@code failed/} when one was invalid (the valid ones are written; the
 * report and the dead letters name the others) or the run failed.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.service");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SyncService service;

    public Inbox(SyncService service) {
        this.service = service;
    }

    /** @throws InboxFileFailed when the file goes to failed/, after its report is written there */
    public void importFile(Exchange exchange) throws IOException {
        File file = exchange.getMessage().getBody(File.class);
        Path path = file.toPath().toAbsolutePath();
        String entity = path.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", path.getFileName().toString());
        report.put("entityType", entity);
        boolean failed;
        if (!SourceAdapters.installed().get("csv").reads(entity)) {
            failed = true;
            report.put("outcome", "failed");
            report.put("message", "DataSync imports no '" + entity + "' CSV file; the inbox's directories are named by the"
                    + " entity types it does import: category, product, customer, order, newsletter");
        } else {
            SyncJob job = service.importCsv(entity, path);
            EntityReport counts = job.report();
            failed = job.failed() || counts.count(Outcome.INVALID) > 0;
            report.put("outcome", job.failed() ? "failed" : counts.count(Outcome.INVALID) > 0 ? "invalid" : "completed");
            if (job.failed()) {
                report.put("message", job.failureMessage());
            }
            report.put("read", counts.read());
            for (Outcome outcome : Outcome.values()) {
                report.put(outcome.name().toLowerCase(Locale.ROOT), counts.count(outcome));
            }
            report.put("seconds", Math.round(counts.seconds() * 10) / 10.0);
            report.put("invalidRecords", counts.invalidSamples());
            if (counts.count(Outcome.INVALID) > 0) {
                report.put("deadLetters", job.deadLetterFile().toString());
            }
            report.put("warnings", counts.warnings());
        }
        Path beside = path.getParent().resolve(failed ? "failed" : "done");
        Files.createDirectories(beside);
        Files.writeString(beside.resolve(path.getFileName() + ".report.json"), JSON.writeValueAsString(report));
        LOG.info("inbox: {} {}: {}", entity, path.getFileName(), report.get("outcome"));
        if (failed) {
            throw new InboxFileFailed(path + ": " + report.get("outcome"));
        }
    }

    /** The file goes to failed/; its report says why. */
    public static final class InboxFileFailed extends RuntimeException {
        InboxFileFailed(String message) {
            super(message);
        }
    }
}
