package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.job.CopyMode;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.OnDuplicate;
import org.maho.datasync.job.Resumption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.SyncPlan;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.pipeline.IdConflicts;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.SourceAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sync", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sync one entity type from a source shop database or a CSV file into the destination shop.",
                "The destination comes from DATASYNC_DEST_* in .env.local or the environment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record written, unchanged or skipped", "1:the run stopped (see the report)",
                "2:usage error", "3:finished, but invalid records were dead-lettered"})
public final class SyncCommand implements Callable<Integer> {

    private static final String ALL_ENTITIES = "all";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<entity>", description = "Entity type: store, taxclass, taxrate, taxrule, customergroup, productattribute,"
            + " attributeset, category, product, stock, customer, rating, review, tag, order, invoice, shipment, creditmemo, newsletter, cms_block,"
            + " cms_page, urlrewrite; or all: every one of them from a shop database, in dependency order.")
    String entity;

    @Parameters(index = "1", paramLabel = "<source>",
            description = "Name of the source system, e.g. live: the registry keeps its ids apart from other sources'.")
    String sourceSystem;

    @Option(names = {"-a", "--adapter"}, paramLabel = "<adapter>", description = "csv (default), openmage or magento2 (the README's adapter table says what each reads).")
    String adapter;

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", description = "The CSV file (csv adapter).")
    Path file;

    @Option(names = "--encoding", paramLabel = "<charset>",
            description = "The CSV file's encoding: utf-8 (default), windows-1252, iso-8859-1, utf-16 (with its byte order mark).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "<char>", description = "The CSV file's delimiter: , (default), ;, tab or |.")
    String delimiter;

    @picocli.CommandLine.Mixin
    SourceDatabaseOptions sourceDatabase = new SourceDatabaseOptions();

    @Mixin
    CopyOptions copyOptions = new CopyOptions();

    @Option(names = {"-d", "--on-duplicate"}, paramLabel = "<mode>",
            description = "When the record exists on the destination: skip, update (default), merge (fill empty values only) or error.")
    String onDuplicate = "update";

    @Option(names = "--dry-run", description = "Report what would be created, updated, skipped and rejected; write nothing.")
    boolean dryRun;

    @Option(names = "--skip-invalid", description = "Dead-letter invalid records and write the valid ones (default: stop at the first).")
    boolean skipInvalid;

    @Option(names = {"-l", "--limit"}, paramLabel = "<n>", description = "Read at most n records.")
    Integer limit;

    @Option(names = "--date-from", paramLabel = "<date>", description = "Only records changed at or after YYYY-MM-DD[ HH:MM:SS].")
    String dateFrom;

    @Option(names = "--date-to", paramLabel = "<date>", description = "Only records changed at or before YYYY-MM-DD[ HH:MM:SS] (a date includes its whole day).")
    String dateTo;

    @Option(names = "--entity-ids", paramLabel = "<ids>", split = ",", description = "Only these source ids (comma-separated).")
    List<String> entityIds = new ArrayList<>();

    @Option(names = "--increment-ids", paramLabel = "<ids>", split = ",", description = "Only these increment ids (sales documents).")
    List<String> incrementIds = new ArrayList<>();

    @Option(names = "--batch-size", paramLabel = "<n>", description = "Records per destination transaction, for every entity type (default: datasync.batch-size.<type>, else datasync.batch-size).")
    Integer batchSize;

    @Option(names = "--stock", paramLabel = "<mode>",
            description = "Products: include (default) writes stock with the products, exclude leaves it, only writes stock alone.")
    String stock;

    @Option(names = "--options-mode", paramLabel = "<mode>",
            description = "Products' custom options: replace (default; the source's exactly), merge (add and update), append (add only).")
    String optionsMode;

    @Option(names = "--image-base-path", paramLabel = "<dir>",
            description = "Products: copy image files from this copy of the source's media/catalog/product.")
    Path imageBasePath;

    @Option(names = "--image-base-url", paramLabel = "<url>",
            description = "Products: download image files from the source's media/catalog/product URL.")
    String imageBaseUrl;

    @Option(names = "--force-image-import", description = "Products: copy image files even when the destination has them.")
    boolean forceImageImport;

    @Option(names = "--auto-link-configurables",
            description = "Products from CSV: simple products right after a configurable of the same attribute set become its children.")
    boolean autoLinkConfigurables;

    @Option(names = "--wait-lock", paramLabel = "<seconds>",
            description = "Wait this long for another run that writes to the destination to finish (default: none, exit 1).")
    int waitLock;

    @Option(names = "--restart", description = "Read everything again, even where an interrupted run of the same command"
            + " left checkpoints (by default a sync from a shop database goes on after its last committed batch).")
    boolean restart;

    @Option(names = {"-q", "--quiet"}, description = "No progress line while it runs (the report at the end is printed as ever).")
    boolean quiet;

    @Option(names = "-v", description = "-v: a line per batch; -vv: a line per record.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        EntityHandlers handlers = new EntityHandlers();
        List<JobSpec> jobs = toJobSpecs(handlers, environment, err);
        ConnectionSettings destination = SourceDatabaseOptions.requiredDestination(environment, spec.commandLine());
        copyOptions.check(environment, spec.commandLine());
        if (copyOptions.keepIds && jobs.stream().anyMatch(job -> job.source() == null
                || !SourceAdapters.installed().get(job.adapter()).readsOpenMageSchema())) {
            throw usage("--keep-ids keeps a shop database's ids: use -a openmage");
        }
        if (waitLock < 0) {
            throw usage("--wait-lock takes a number of seconds, not " + waitLock);
        }
        Logging.configure(verbose.length);
        try (DataSync dataSync = DataSync.start(home);
             RunLock lock = dryRun ? null : RunLock.acquire(dataSync.database("destination", destination),
                     "sync " + entity.trim(), waitLock)) {
            CopyMode copy = copyOptions.mode(dataSync);
            jobs.forEach(copy::applyTo);
            List<String> conflicts = copy.keepIds() ? dataSync.idConflicts(jobs, destination) : List.of();
            if (!conflicts.isEmpty()) {
                err.println("--keep-ids: the destination has rows of its own where source entities' ids would go; nothing"
                        + " was written. Use --keep-ids for a new, empty shop (or one it mirrored before):\n"
                        + IdConflicts.describe(conflicts));
                return ExitCode.FAILED;
            }
            Resumption resumption = dataSync.resumption(describeCommand(), jobs, destination, restart);
            if (resumption != null) {
                resumption.notes().forEach(out::println);
            }
            long run = dryRun ? 0 : dataSync.runStarted(destination, describeCommand(), "command", sourceSystem);
            List<SyncJob> done;
            try (Progress progress = Progress.start(err, dataSync, quiet || verbose.length > 0)) {
                done = SyncPlan.run(jobs, handlers, dataSync.settings().typesAtOnce(), job -> {
                    out.println("DataSync " + job.entityType() + ": " + describeSource(job) + " -> " + destination.describe()
                            + (job.dryRun() ? " (dry run)" : "") + copy.describe());
                    out.flush();
                    return dataSync.sync(job, destination);
                }, () -> false);
            }
            if (resumption != null) {
                resumption.finished(done);
            }
            if (!dryRun) {
                dataSync.runFinished(destination, run, done, null);
            }
            if (done.size() < jobs.size()) {
                String stopped = done.stream().filter(SyncJob::failed).map(job -> job.spec().entityType()).distinct()
                        .collect(java.util.stream.Collectors.joining(", "));
                out.println("The " + stopped + " run stopped; the entity types after it that had not started"
                        + " were not run, since they may depend on it.");
            }
            ReportPrinter.print(out, done);
            return ReportPrinter.exitCode(done);
        } catch (RunLock.HeldException e) {
            err.println(e.getMessage());
            return ExitCode.FAILED;
        }
    }

    /** The command as the checkpoint table and messages name it. */
    private String describeCommand() {
        return "sync " + entity.trim().toLowerCase(Locale.ROOT) + " " + sourceSystem + (adapter == null ? "" : " -a " + adapter);
    }

    /** One job, or for {@code all} one per entity type in dependency order, each with the options that apply to it. */
    List<JobSpec> toJobSpecs(EntityHandlers handlers, Environment environment, PrintWriter err) {
        if (!ALL_ENTITIES.equalsIgnoreCase(entity.trim())) {
            return List.of(toJobSpec(handlers, environment, err));
        }
        if (adapter != null && (file != null || !SourceAdapters.installed().find(adapter).map(a -> a.input().isShop()).orElse(true))) {
            throw usage("sync all reads a shop: use -a openmage, -a magento2, -a woocommerce or -a agent (a file holds one entity type,"
                    + " a Shopify export a few: sync them one at a time)");
        }
        List<String> notForAll = new ArrayList<>();
        if (file != null) notForAll.add("-f/--file");
        if (!entityIds.isEmpty()) notForAll.add("--entity-ids");
        if (!incrementIds.isEmpty()) notForAll.add("--increment-ids");
        if (stock != null) notForAll.add("--stock");
        if (autoLinkConfigurables) notForAll.add("--auto-link-configurables");
        if (!notForAll.isEmpty()) {
            throw usage(String.join(", ", notForAll) + " select within one entity type; they do not apply to sync all");
        }
        adapter = adapter == null ? "openmage" : adapter;
        SourceAdapter reader = SourceAdapters.installed().get(adapter);
        java.util.Map<Boolean, List<String>> read = EntityHandlers.IN_DEPENDENCY_ORDER.stream()
                .collect(java.util.stream.Collectors.partitioningBy(reader::reads));
        if (!read.get(false).isEmpty()) {
            err.println("The " + reader.name() + " adapter does not read these entity types, and sync all leaves them out: "
                    + String.join(", ", read.get(false)));
        }
        return SyncPlan.of(handlers, read.get(true)).jobs(type -> spec(handlers.find(type).orElseThrow(), environment, err, true));
    }

    JobSpec toJobSpec(EntityHandlers handlers, Environment environment, PrintWriter err) {
        EntityHandler handler = handlers.find(entity).orElseThrow(() -> usage("Unknown entity '" + entity
                + "'; this version syncs: " + String.join(", ", handlers.typeNames()) + ", or all"));
        return spec(handler, environment, err, false);
    }

    /**
     * The job for one entity type. An option that does not apply to the type is a usage error, except under
     * {@code sync all}, where options apply to the types they fit (dates to dated entities, images to products).
     */
    private JobSpec spec(EntityHandler handler, Environment environment, PrintWriter err, boolean all) {
        JobSpec job = new JobSpec().entityType(handler.type()).sourceSystem(sourceSystem);
        if (sourceSystem.isBlank() || sourceSystem.length() > 50) {
            throw usage("<source> must be a name of 1 to 50 characters, e.g. live");
        }
        SourceAdapter source = adapter(handler);
        job.adapter(source.name());
        job.onDuplicate(parse(() -> OnDuplicate.parse(onDuplicate)));
        job.dryRun(dryRun).skipInvalid(skipInvalid).verbosity(verbose.length);
        if (limit != null && limit <= 0) {
            throw usage("--limit must be a positive number, not " + limit);
        }
        job.limit(limit);
        if (batchSize != null) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw usage("--batch-size must be between 1 and 10000, not " + batchSize);
            }
            job.batchSize(batchSize);
        }
        if (!all) {
            requireApplicable(handler, source, JobOption.DATE_FILTER, dateFrom != null || dateTo != null);
            requireApplicable(handler, source, JobOption.ENTITY_IDS, !entityIds.isEmpty());
            requireApplicable(handler, source, JobOption.INCREMENT_IDS, !incrementIds.isEmpty());
            requireApplicable(handler, source, JobOption.STOCK, stock != null);
            requireApplicable(handler, source, JobOption.OPTIONS_MODE, optionsMode != null);
            requireApplicable(handler, source, JobOption.IMAGES, imageBasePath != null || imageBaseUrl != null || forceImageImport);
            requireApplicable(handler, source, JobOption.AUTO_LINK_CONFIGURABLES, autoLinkConfigurables);
        }
        if (handler.options().contains(JobOption.DATE_FILTER)) {
            job.dateFrom(date("--date-from", dateFrom, false)).dateTo(date("--date-to", dateTo, true));
        }
        if (stock != null) {
            job.stockMode(parse(() -> enumValue(JobSpec.StockMode.class, "--stock", stock)));
            if (job.stockMode() == JobSpec.StockMode.ONLY && !source.input().isShop()) {
                throw usage("--stock only reads stock items from a shop database (-a openmage)");
            }
        }
        if (optionsMode != null && handler.options().contains(JobOption.OPTIONS_MODE)) {
            job.optionsMode(parse(() -> enumValue(JobSpec.OptionsMode.class, "--options-mode", optionsMode)));
        }
        if (handler.options().contains(JobOption.IMAGES)) {
            images(job, environment);
        }
        job.autoLinkConfigurables(autoLinkConfigurables);
        if (dateFrom != null && dateTo != null && date("--date-from", dateFrom, false).isAfter(date("--date-to", dateTo, true))) {
            throw usage("--date-from " + dateFrom + " is after --date-to " + dateTo);
        }
        for (String id : entityIds) {
            if (!id.trim().matches("\\d{1,10}")) {
                throw usage("--entity-ids takes whole numbers separated by commas, not '" + id + "'");
            }
        }
        job.entityIds(entityIds.stream().map(String::trim).toList());
        for (String id : incrementIds) {
            if (id.isBlank()) {
                throw usage("--increment-ids has an empty value");
            }
        }
        job.incrementIds(incrementIds.stream().map(String::trim).toList());
        SourceAdapter.Input input = sourceDatabase.url != null && source.inputs().contains(SourceAdapter.Input.API) ? SourceAdapter.Input.API
                : file != null && source.inputs().contains(SourceAdapter.Input.FILE) ? SourceAdapter.Input.FILE : source.input();
        switch (input) {
            case FILE -> fileSource(job, source);
            case DATABASE -> databaseSource(job, source, environment, err);
            case AGENT -> agentSource(job, source, environment);
            case API -> apiSource(job, source, environment, err);
        }
        return job;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("Invalid value for option '" + option + "': '" + value + "' (expected " + allowed + ")");
    }

    /** Image files need somewhere to go: the destination's media/catalog/product directory. */
    private void images(JobSpec job, Environment environment) {
        if (imageBasePath == null && imageBaseUrl == null) {
            if (forceImageImport) {
                throw usage("--force-image-import needs --image-base-path or --image-base-url");
            }
            return;
        }
        if (imageBasePath != null && !Files.isDirectory(imageBasePath)) {
            throw usage("--image-base-path " + imageBasePath + " is not a directory");
        }
        if (imageBaseUrl != null && !imageBaseUrl.matches("https?://.+")) {
            throw usage("--image-base-url must be an http or https URL, not '" + imageBaseUrl + "'");
        }
        String media = environment.get("DATASYNC_DEST_MEDIA_DIR");
        if (media == null) {
            throw usage("Copying image files needs the destination's media/catalog/product directory in DATASYNC_DEST_MEDIA_DIR");
        }
        job.imageBasePath(imageBasePath).imageBaseUrl(imageBaseUrl).imageDestination(Path.of(media))
                .forceImageImport(forceImageImport);
    }

    /** The adapter -a names (csv when none), which must read the entity type. */
    private SourceAdapter adapter(EntityHandler handler) {
        String name = adapter == null ? "csv" : adapter.trim().toLowerCase(Locale.ROOT);
        SourceAdapters adapters = SourceAdapters.installed();
        String installed = String.join(" or ", adapters.names());
        SourceAdapter chosen = adapters.find(name).orElseThrow(() -> usage("Unknown adapter '" + adapter + "'; use " + installed));
        if (!chosen.reads(handler.type())) {
            throw usage("Entity " + handler.type() + " cannot be read by the " + name + " adapter");
        }
        return chosen;
    }

    private void fileSource(JobSpec job, SourceAdapter source) {
        if (sourceDatabase.url != null) {
            throw usage("--url applies to the agent adapter, not " + source.name());
        }
        List<String> dbFlags = sourceDatabase.given();
        if (!dbFlags.isEmpty()) {
            String databases = String.join(" or ", SourceAdapters.installed().names().stream()
                    .filter(name -> SourceAdapters.installed().get(name).input() == SourceAdapter.Input.DATABASE).toList());
            throw usage(String.join(", ", dbFlags) + " apply to the " + databases + " adapter, not " + source.name()
                    + " (use -a openmage)");
        }
        if (file == null) {
            throw usage("The " + source.name() + " adapter needs -f/--file <file>");
        }
        if (encoding != null) {
            try {
                job.encoding(java.nio.charset.Charset.forName(encoding.trim()));
            } catch (IllegalArgumentException e) {
                throw usage("--encoding " + encoding + " is not an encoding this Java knows; use utf-8, windows-1252,"
                        + " iso-8859-1 or utf-16");
            }
        }
        if (delimiter != null) {
            job.delimiter(delimiterOf(delimiter));
        }
        if (!Files.isRegularFile(file)) {
            throw usage("No such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw usage("Cannot read " + file);
        }
        job.file(file);
    }

    private char delimiterOf(String given) {
        String text = "tab".equalsIgnoreCase(given.trim()) || "\\t".equals(given) ? "\t" : given;
        if (text.length() != 1 || ",;\t|".indexOf(text.charAt(0)) < 0) {
            throw usage("--delimiter takes , ; tab or |, not '" + given + "'");
        }
        return text.charAt(0);
    }

    private void databaseSource(JobSpec job, SourceAdapter adapter, Environment environment, PrintWriter err) {
        List<String> fileFlags = new ArrayList<>();
        if (file != null) fileFlags.add("-f/--file");
        if (encoding != null) fileFlags.add("--encoding");
        if (delimiter != null) fileFlags.add("--delimiter");
        if (!fileFlags.isEmpty()) {
            throw usage(String.join(", ", fileFlags) + (fileFlags.size() == 1 ? " applies" : " apply")
                    + " to the csv adapter, not " + adapter.name());
        }
        if (sourceDatabase.url != null) {
            throw usage("--url applies to the agent adapter, not " + adapter.name());
        }
        ConnectionSettings source = sourceDatabase.settings(environment, err);
        if (source.database() == null) {
            throw usage("The " + adapter.name() + " adapter needs the source database: --db-name or DATASYNC_LIVE_DB");
        }
        job.source(source);
    }

    /** A shop read through its agent: the agent holds the database settings, so none are given here. */
    private void agentSource(JobSpec job, SourceAdapter adapter, Environment environment) {
        List<String> notForAgent = new ArrayList<>(sourceDatabase.given());
        if (file != null) notForAgent.add("-f/--file");
        if (!notForAgent.isEmpty()) {
            throw usage(String.join(", ", notForAgent) + (notForAgent.size() == 1 ? " does" : " do") + " not apply to the " + adapter.name()
                    + " adapter: the agent reads the shop's database with its own settings");
        }
        job.agent(sourceDatabase.agent(environment, this::usage));
    }

    /** A shop's web API: --url and its key; no database or file. */
    private void apiSource(JobSpec job, SourceAdapter adapter, Environment environment, PrintWriter err) {
        List<String> notForApi = new ArrayList<>(sourceDatabase.given());
        if (file != null) notForApi.add("-f/--file");
        if (!notForApi.isEmpty()) {
            throw usage(String.join(", ", notForApi) + (notForApi.size() == 1 ? " does" : " do") + " not apply to the " + adapter.name()
                    + " adapter reading the shop's API (--url)");
        }
        job.api(sourceDatabase.api(adapter.name(), environment, err, this::usage));
    }

    private void requireApplicable(EntityHandler handler, SourceAdapter source, JobOption option, boolean given) {
        if (given && !handler.options().contains(option)) {
            throw usage(option.flag() + " does not apply to " + handler.type());
        }
        if (given && !source.options().contains(option)) {
            throw usage(option.flag() + " does not apply to the " + source.name() + " adapter");
        }
    }

    private LocalDateTime date(String option, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        LocalDateTime parsed = DateValues.parse(text);
        if (parsed == null) {
            throw usage(option + " takes YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS', not '" + text + "'");
        }
        return endOfDay && DateValues.isDateOnly(text) ? parsed.plusDays(1).minusSeconds(1) : parsed;
    }

    private static String describeSource(JobSpec job) {
        return job.file() != null ? job.file().toString()
                : job.adapter() + " " + (job.agent() != null ? job.agent().url() : job.api() != null ? job.api().url() : job.source().describe())
                + " as '" + job.sourceSystem() + "'";
    }

    private <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
