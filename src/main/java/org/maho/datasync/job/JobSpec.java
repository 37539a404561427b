package org.maho.datasync.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.model.Record;

/** What a sync job is asked to do: built by the CLI (or a test), read by the pipeline. */
public final class JobSpec {

    /** What a product sync does with stock: write it with the products, leave it alone, or write only it. */
    public enum StockMode { INCLUDE, EXCLUDE, ONLY }

    /** How a product's custom options meet the destination's: the source's set exactly, add and update, add only. */
    public enum OptionsMode { REPLACE, MERGE, APPEND }

    private String entityType;
    private String sourceSystem;
    private String adapter = "csv";
    private Path file;
    private java.nio.charset.Charset encoding = java.nio.charset.StandardCharsets.UTF_8;
    private char delimiter = ',';
    private ConnectionSettings source;
    private org.maho.datasync.db.AgentEndpoint agent;
    private ApiEndpoint api;
    private OnDuplicate onDuplicate = OnDuplicate.UPDATE;
    private boolean dryRun;
    private boolean skipInvalid;
    private Integer limit;
    private LocalDateTime dateFrom;
    private LocalDateTime dateTo;
    private List<String> entityIds = List.of();
    private List<String> incrementIds = List.of();
    private Integer batchSize;
    private int verbosity;
    private StockMode stockMode = StockMode.INCLUDE;
    private OptionsMode optionsMode = OptionsMode.REPLACE;
    private java.nio.file.Path imageBasePath;
    private String imageBaseUrl;
    private java.nio.file.Path imageDestination;
    private boolean forceImageImport;
    private boolean autoLinkConfigurables;
    private boolean skipReading;
    private List<Deletion> deletions = List.of();
    private Deletion.Mode deletionMode = Deletion.Mode.HARD;
    private java.util.function.Consumer<Record> recordListener;
    private java.util.function.BooleanSupplier stopRequested = () -> false;
    private Resume resume;
    private RecordRewrite rewrite;
    private boolean keepIds;

    public String entityType() { return entityType; }
    public JobSpec entityType(String value) { entityType = value; return this; }

    /** The registry's source_system: names the source so that several sources can feed one destination. */
    public String sourceSystem() { return sourceSystem; }
    public JobSpec sourceSystem(String value) { sourceSystem = value; return this; }

    /** The source adapter's name: csv (the default), openmage. */
    public String adapter() { return adapter; }
    public JobSpec adapter(String value) { adapter = value; return this; }

    public Path file() { return file; }
    public JobSpec file(Path value) { file = value; return this; }

    /** A file's encoding: UTF-8 unless --encoding names another. */
    public java.nio.charset.Charset encoding() { return encoding; }
    public JobSpec encoding(java.nio.charset.Charset value) { encoding = value; return this; }

    /** A CSV file's value delimiter: a comma unless --delimiter names another. */
    public char delimiter() { return delimiter; }
    public JobSpec delimiter(char value) { delimiter = value; return this; }

    public ConnectionSettings source() { return source; }
    public JobSpec source(ConnectionSettings value) { source = value; return this; }

    /** The shop's web API, for an adapter that reads one (-a shopify --url). */
    public ApiEndpoint api() { return api; }
    public JobSpec api(ApiEndpoint value) { api = value; return this; }

    /** Where the source agent answers, for an adapter that reads through one (-a agent). */
    public org.maho.datasync.db.AgentEndpoint agent() { return agent; }
    public JobSpec agent(org.maho.datasync.db.AgentEndpoint value) { agent = value; return this; }

    public OnDuplicate onDuplicate() { return onDuplicate; }
    public JobSpec onDuplicate(OnDuplicate value) { onDuplicate = value; return this; }

    public boolean dryRun() { return dryRun; }
    public JobSpec dryRun(boolean value) { dryRun = value; return this; }

    public boolean skipInvalid() { return skipInvalid; }
    public JobSpec skipInvalid(boolean value) { skipInvalid = value; return this; }

    public Integer limit() { return limit; }
    public JobSpec limit(Integer value) { limit = value; return this; }

    public LocalDateTime dateFrom() { return dateFrom; }
    public JobSpec dateFrom(LocalDateTime value) { dateFrom = value; return this; }

    public LocalDateTime dateTo() { return dateTo; }
    public JobSpec dateTo(LocalDateTime value) { dateTo = value; return this; }

    public List<String> entityIds() { return entityIds; }
    public JobSpec entityIds(List<String> value) { entityIds = List.copyOf(value); return this; }

    public List<String> incrementIds() { return incrementIds; }
    public JobSpec incrementIds(List<String> value) { incrementIds = List.copyOf(value); return this; }

    /** Records per destination transaction, and the page size of database reads. */
    public int batchSize() {
        if (batchSize == null) {
            throw new IllegalStateException("no batch size chosen: DataSync.sync sets the configured one");
        }
        return batchSize;
    }
    public JobSpec batchSize(int value) { batchSize = value; return this; }
    /** False when nobody chose a batch size: the run takes its entity type's from the configuration. */
    public boolean batchSizeChosen() { return batchSize != null; }

    /** 0 quiet, 1 progress per batch (-v), 2 every record (-vv). */
    public int verbosity() { return verbosity; }
    public JobSpec verbosity(int value) { verbosity = value; return this; }

    public StockMode stockMode() { return stockMode; }
    public JobSpec stockMode(StockMode value) { stockMode = value; return this; }

    public OptionsMode optionsMode() { return optionsMode; }
    public JobSpec optionsMode(OptionsMode value) { optionsMode = value; return this; }

    /** A directory holding the source's media/catalog/product files, for copying product images. */
    public java.nio.file.Path imageBasePath() { return imageBasePath; }
    public JobSpec imageBasePath(java.nio.file.Path value) { imageBasePath = value; return this; }

    /** The URL of the source's media/catalog/product, for downloading product images. */
    public String imageBaseUrl() { return imageBaseUrl; }
    public JobSpec imageBaseUrl(String value) { imageBaseUrl = value; return this; }

    /** The destination's media/catalog/product directory, where image files go. */
    public java.nio.file.Path imageDestination() { return imageDestination; }
    public JobSpec imageDestination(java.nio.file.Path value) { imageDestination = value; return this; }

    /** Copy or download image files even when the destination has a file of that name. */
    public boolean forceImageImport() { return forceImageImport; }
    public JobSpec forceImageImport(boolean value) { forceImageImport = value; return this; }

    /** CSV: simple products right after a configurable one of the same attribute set become its children. */
    public boolean autoLinkConfigurables() { return autoLinkConfigurables; }
    public JobSpec autoLinkConfigurables(boolean value) { autoLinkConfigurables = value; return this; }

    /** Read nothing from the source: a job that only mirrors deletions. */
    public boolean skipReading() { return skipReading; }
    public JobSpec skipReading(boolean value) { skipReading = value; return this; }

    /** Source entities that no longer exist, whose destination counterparts the job removes after its records. */
    public List<Deletion> deletions() { return deletions; }
    public JobSpec deletions(List<Deletion> value) { deletions = List.copyOf(value); return this; }

    /** How deletions are mirrored: the rows removed, the entity retired (a customer deactivated), or left alone. */
    public Deletion.Mode deletionMode() { return deletionMode; }
    public JobSpec deletionMode(Deletion.Mode value) { deletionMode = value; return this; }

    /** Hears each record once it has its final outcome (incremental sync acknowledges changes by it); may be null. */
    public java.util.function.Consumer<Record> recordListener() { return recordListener; }
    public JobSpec recordListener(java.util.function.Consumer<Record> value) { recordListener = value; return this; }

    /** Asks the job to stop after the batch in flight (a service shutting down); it then ends as failed, unacknowledged. */
    public java.util.function.BooleanSupplier stopRequested() { return stopRequested; }
    public JobSpec stopRequested(java.util.function.BooleanSupplier value) { stopRequested = value; return this; }

    /** The job's part in a resumable command, or null: it keeps no checkpoint (a dry run, a file, incremental). */
    public Resume resume() { return resume; }
    public JobSpec resume(Resume value) { resume = value; return this; }

    /** What changes records as they leave the reader ({@code --anonymize}), or null: they are written as read. */
    public RecordRewrite rewrite() { return rewrite; }
    public JobSpec rewrite(RecordRewrite value) { rewrite = value; return this; }

    /** New destination rows take their source ids ({@code --keep-ids}): a mirror whose ids are the source's. */
    public boolean keepIds() { return keepIds; }
    public JobSpec keepIds(boolean value) { keepIds = value; return this; }

    /**
     * What decides which records a job reads and what it writes of them: the same command run again, with any batch
     * size or verbosity, has the same selection, and so resumes where it was interrupted.
     */
    public String selection() {
        return String.join("|", entityType, String.valueOf(sourceSystem), adapter, String.valueOf(file),
                source == null ? "" : source.describe() + "/" + source.tablePrefix(), onDuplicate.name(),
                String.valueOf(skipInvalid), String.valueOf(limit), String.valueOf(dateFrom), String.valueOf(dateTo),
                String.join(",", entityIds), String.join(",", incrementIds), stockMode.name(), optionsMode.name(),
                String.valueOf(imageBasePath), String.valueOf(imageBaseUrl), String.valueOf(forceImageImport),
                String.valueOf(autoLinkConfigurables), rewrite == null ? "" : rewrite.describe(),
                String.valueOf(keepIds));
    }

    /** How the input is named in messages and dead letters: the file, or the source database. */
    public String sourceName() {
        if (file != null) {
            return file.getFileName().toString();
        }
        return source == null ? adapter : source.database();
    }
}
