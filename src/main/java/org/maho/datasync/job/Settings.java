package org.maho.datasync.job;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * DataSync's settings, typed, as {@code config/application.properties} and its overrides (the environment, the command
 * line, a test) hold them. The properties file is the one place each default lives: a key it lacks is an error here,
 * never a second default in Java.
 */
public final class Settings {

    private final Function<String, Optional<String>> lookup;
    private final Function<String, Set<String>> keysUnder;

    /** @param lookup a key's value, as Camel's properties component resolves it */
    public Settings(Function<String, Optional<String>> lookup) {
        this(lookup, prefix -> Set.of());
    }

    /** @param keysUnder the keys that start with a prefix, for settings that are a list of lines (a profile) */
    public Settings(Function<String, Optional<String>> lookup, Function<String, Set<String>> keysUnder) {
        this.lookup = lookup;
        this.keysUnder = keysUnder;
    }

    /** Every setting whose key starts with the prefix, by key, in key order. */
    public SortedMap<String, String> under(String prefix) {
        SortedMap<String, String> values = new TreeMap<>();
        for (String key : keysUnder.apply(prefix)) {
            lookup.apply(key).ifPresent(value -> values.put(key, value.trim()));
        }
        return values;
    }

    /** A setting's text, trimmed. */
    public String text(String key) {
        return lookup.apply(key).map(String::trim).orElseThrow(() -> new IllegalStateException(
                "config/application.properties has no " + key + "; every setting is declared there"));
    }

    public int number(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("config/application.properties: " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public boolean flag(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("config/application.properties: " + key + " must be true or false, not '" + value + "'");
        }
        return value.equals("true");
    }

    /** A comma-separated list, lower-cased, empty entries left out. */
    public Set<String> list(String key) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : text(key).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim().toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }

    /** Connections per shop database. */
    public int poolSize() {
        return number("datasync.pool-size");
    }

    /**
     * How many entity types a whole sync runs at once where their dependencies allow (datasync.parallel.types): each
     * holds at most two connections of a pool, one reading ahead and one writing, so a pool gives this many lanes.
     */
    public int typesAtOnce() {
        return flag("datasync.parallel.types") ? Math.max(1, poolSize() / 2) : 1;
    }

    /** How long a write waits for a row another session holds. */
    public int lockWaitTimeoutSeconds() {
        return number("datasync.lock-wait-timeout-seconds");
    }

    /** Registry mappings kept in memory. */
    public int registryCacheSize() {
        return number("datasync.registry.cache-size");
    }

    /** How long the destination's run history keeps a run. */
    public int historyKeepDays() {
        return number("datasync.history.keep-days");
    }

    /** Where invalid records go, relative to the DataSync home. */
    public String deadLetterDirectory() {
        return text("datasync.dead-letter.dir");
    }

    /** A lost connection, a deadlock or a lock wait timeout is retried this many times, reads and writes alike. */
    public int retryAttempts() {
        return number("datasync.retry.attempts");
    }

    /** The first pause before a retry; each next one is twice as long. */
    public int retryDelayMillis() {
        return number("datasync.retry.delay-ms");
    }

    /** How old an interrupted run's checkpoints may be for the same command to resume after them. */
    public java.time.Duration resumeMaxAge() {
        return java.time.Duration.ofHours(number("datasync.resume.max-age-hours"));
    }

    /** Records per destination transaction for one entity type: datasync.batch-size.<type>, else datasync.batch-size. */
    public int batchSize(String entityType) {
        String key = "datasync.batch-size." + entityType;
        return lookup.apply(key).isPresent() ? number(key) : number("datasync.batch-size");
    }

    /** Configuration paths never copied, and the user's own to leave out: comma-separated patterns. */
    public String configNever() {
        return text("datasync.config.never");
    }

    public String configExclude() {
        return text("datasync.config.exclude");
    }
}
