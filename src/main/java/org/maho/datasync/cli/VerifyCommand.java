package org.maho.datasync.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maho.datasync.anonymize.Anonymizer;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.SourceAdapters;
import org.maho.datasync.verify.Difference;
import org.maho.datasync.verify.LeftoverSearch;
import org.maho.datasync.verify.TypeVerification;
import org.maho.datasync.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Compare the source shop database with the destination, record by record and field by field, by natural"
                + " key and code: what a sync all should have made equal.",
                "The destination comes from DATASYNC_DEST_* in .env.local or the environment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source record is on the destination, equal", "1:the comparison could not finish",
                "2:usage error", "4:records are missing or differ (listed)"})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<source>", defaultValue = "live",
            description = "The source system's name in the registry (default live).")
    String sourceSystem;

    @Option(names = {"-a", "--adapter"}, paramLabel = "<adapter>",
            description = "The source shop database's adapter: openmage (the default) or magento2.")
    String adapter = "openmage";

    @Option(names = {"-e", "--entity"}, paramLabel = "<type>", split = ",",
            description = "Only these entity types (comma-separated; default: every type sync all moves).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--json", paramLabel = "<file>", description = "Write every difference to this JSON file.")
    Path json;

    @Option(names = "--batch-size", paramLabel = "<n>",
            description = "Source records compared per round of queries (default: datasync.batch-size.<type>, else datasync.batch-size).")
    Integer batchSize;

    @Mixin
    SourceDatabaseOptions sourceDatabase = new SourceDatabaseOptions();

    @Mixin
    AnonymizeOption anonymizeOption = new AnonymizeOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the source is a shop database, read by its adapter; the destination is an OpenMage database
        SourceAdapter reader = SourceAdapters.installed().find(adapter).filter(SourceAdapter::readsOpenMageSchema)
                .orElseThrow(() -> usage("verify compares a shop kept in OpenMage tables: use -a openmage, -a magento2 or -a agent"));
        if (batchSize != null && (batchSize < 1 || batchSize > 10_000)) {
            throw usage("--batch-size must be between 1 and 10000, not " + batchSize);
        }
        EntityHandlers handlers = new EntityHandlers();
        List<String> types = new ArrayList<>();
        for (String entity : entities.isEmpty() ? EntityHandlers.IN_DEPENDENCY_ORDER : entities) {
            String type = handlers.find(entity).orElseThrow(() -> usage("Unknown entity '" + entity + "'; verify compares: "
                    + String.join(", ", EntityHandlers.IN_DEPENDENCY_ORDER))).type();
            if (reader.reads(type)) {
                types.add(type);
            } else if (!entities.isEmpty()) {
                throw usage("the " + reader.name() + " adapter does not read " + type);
            }
        }
        if (json != null && json.getParent() != null && !Files.isDirectory(json.getParent())) {
            throw usage("--json " + json + ": no such directory " + json.getParent());
        }
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        AgentEndpoint agent = reader.input() == SourceAdapter.Input.AGENT ? sourceDatabase.agent(environment, this::usage) : null;
        ConnectionSettings source = sourceDatabase.settings(environment, err);
        if (agent == null && source.database() == null) {
            throw usage("verify reads the source shop's database: --db-name or DATASYNC_LIVE_DB");
        }
        ConnectionSettings destination = SourceDatabaseOptions.requiredDestination(environment, spec.commandLine());
        String anonymizeSecret = anonymizeOption.secret(environment, spec.commandLine());
        out.println("DataSync verify: " + (agent != null ? agent.url() : source.describe()) + " as '" + sourceSystem + "' against " + destination.describe()
                + (anonymizeSecret != null ? " (anonymized)" : ""));
        out.flush();
        List<TypeVerification> results = new ArrayList<>();
        LeftoverSearch leftovers = null;
        LeftoverSearch.Result found = null;
        try (DataSync dataSync = DataSync.start(home); DifferenceFile file = new DifferenceFile(json)) {
            Verifier verifier = dataSync.verifier(reader.name(), source, agent, destination, sourceSystem);
            Anonymizer anonymizer = AnonymizeOption.anonymizer(dataSync, anonymizeSecret);
            if (anonymizer != null) {
                leftovers = new LeftoverSearch(anonymizer.personalTables());
                verifier.rewriting(anonymizer.watching(leftovers));
            }
            for (String type : types) {
                results.add(verifier.verify(type, batchSize != null ? batchSize : dataSync.batchSize(type), file::write));
            }
            file.summary(results);
            if (leftovers != null) {
                found = leftovers.search(dataSync.database("destination", destination));
            }
        } catch (RuntimeException e) {
            print(out, results);
            err.println("verify stopped: " + ShopDatabase.rootMessage(e));
            return ExitCode.FAILED;
        }
        print(out, results);
        if (found != null) {
            printLeftovers(out, found);
        }
        if (json != null) {
            out.println("Every difference: " + json);
        }
        out.flush();
        boolean equal = results.stream().allMatch(TypeVerification::allEqual) && (found == null || found.leftovers() == 0);
        return equal ? ExitCode.OK : ExitCode.DIFFERENT;
    }

    private static void printLeftovers(PrintWriter out, LeftoverSearch.Result found) {
        out.println();
        out.printf(Locale.ROOT, "Personal data: %,d source values of anonymized fields looked for in %,d text columns of %,d"
                + " destination tables: %s%n", found.values(), found.columns(), found.tables(),
                found.leftovers() == 0 ? "none found." : String.format(Locale.ROOT, "found %,d time(s)%s:", found.leftovers(),
                        found.leftovers() > found.firstFound().size() ? " (first " + found.firstFound().size() + ")" : ""));
        found.firstFound().forEach(leftover -> out.println("  " + leftover));
    }

    static void print(PrintWriter out, List<TypeVerification> results) {
        out.printf(Locale.ROOT, "%-17s %9s %9s %9s %9s %9s %9s %11s%n", "entity", "source", "equal", "missing", "differing",
                "extra", "time", "records/s");
        for (TypeVerification result : results) {
            out.printf(Locale.ROOT, "%-17s %9d %9d %9d %9d %9d %8.1fs %11.0f%n", result.entityType(), result.source(), result.equal(),
                    result.missing(), result.differing(), result.extra(), result.seconds(),
                    result.seconds() <= 0 ? 0 : result.source() / result.seconds());
        }
        if (Boolean.getBoolean("datasync.report.stats")) {
            out.println(HeapWatch.report());
        }
        for (TypeVerification result : results) {
            if (result.samples().isEmpty()) {
                continue;
            }
            out.println();
            out.println(result.entityType() + " differences" + (result.samples().size() >= 20 ? " (first 20)" : "") + ":");
            result.samples().forEach(difference -> out.println("  " + difference));
        }
        long extra = results.stream().mapToLong(TypeVerification::extra).sum();
        if (extra > 0) {
            out.println();
            out.println(extra + " destination record(s) have no source record (the destination's own, or left over); they do not"
                    + " make the shops unequal.");
        }
        out.flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Every difference as it is found, then the per-type counts: {"differences": [...], "entities": [...]}. */
    private static final class DifferenceFile implements AutoCloseable {
        private final JsonGenerator json;

        DifferenceFile(Path file) {
            try {
                json = file == null ? null : new JsonFactory().createGenerator(Files.newBufferedWriter(file));
                if (json != null) {
                    json.useDefaultPrettyPrinter();
                    json.writeStartObject();
                    json.writeArrayFieldStart("differences");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        void write(Difference difference) {
            if (json == null) {
                return;
            }
            try {
                json.writeStartObject();
                json.writeStringField("entity", difference.entityType());
                json.writeStringField("key", difference.key());
                json.writeStringField("field", difference.field());
                json.writeStringField("source", difference.source());
                json.writeStringField("destination", difference.destination());
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void summary(List<TypeVerification> results) {
            if (json == null) {
                return;
            }
            try {
                json.writeEndArray();
                json.writeArrayFieldStart("entities");
                for (TypeVerification result : results) {
                    json.writeStartObject();
                    json.writeStringField("entity", result.entityType());
                    json.writeNumberField("source", result.source());
                    json.writeNumberField("equal", result.equal());
                    json.writeNumberField("missing", result.missing());
                    json.writeNumberField("differing", result.differing());
                    json.writeNumberField("extra", result.extra());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (json != null) {
                try {
                    json.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
