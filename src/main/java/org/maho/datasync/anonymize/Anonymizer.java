package org.maho.datasync.anonymize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.RecordRewrite;
import org.maho.datasync.job.Settings;
import org.maho.datasync.mapping.RowLoader;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;

/**
 * {@code --anonymize}: replaces the personal data of records as they leave the reader, as the profile in
 * config/application.properties says ({@code datasync.anonymize.field.<entity>[.<child list>].<field> = <method>}).
 * The fakes are deterministic under the secret, so an order's email stays its customer's fake, a re-run writes nothing
 * new, and incremental keeps updating the same fake customer. References that name a customer by email|website are
 * rewritten the same way, so they find the fake.
 */
public final class Anonymizer implements RecordRewrite {

    public static final String SECRET_VARIABLE = "DATASYNC_ANONYMIZE_SECRET";
    static final String FIELD_PREFIX = "datasync.anonymize.field.";
    private static final int MIN_SECRET_LENGTH = 16;

    /** entity type, then its child lists' names, joined by dots ("order.addresses"), to field, to method */
    private final Map<String, Map<String, FakeMethod>> profile;
    private final Fakes fakes;
    private final String emailDomain;
    private final String passwordHash;
    private final EntityHandlers handlers;
    /** hears each source value a fake hides (verify's search for leftovers) */
    private final Replacements replaced;

    private Anonymizer(Map<String, Map<String, FakeMethod>> profile, Fakes fakes, String emailDomain, String passwordHash,
                       EntityHandlers handlers, Replacements replaced) {
        this.profile = profile;
        this.fakes = fakes;
        this.emailDomain = emailDomain;
        this.passwordHash = passwordHash;
        this.handlers = handlers;
        this.replaced = replaced;
    }

    /**
     * The anonymizer of the settings' profile.
     *
     * @param secret the key of the fakes, from DATASYNC_ANONYMIZE_SECRET; never stored on the destination
     * @throws IllegalArgumentException when the secret is missing or short, or the profile names no way to anonymize
     */
    public static Anonymizer of(Settings settings, String secret, EntityHandlers handlers) {
        checkSecret(secret);
        Map<String, Map<String, FakeMethod>> profile = new HashMap<>();
        settings.under(FIELD_PREFIX).forEach((key, value) -> {
            String path = key.substring(FIELD_PREFIX.length()).toLowerCase(Locale.ROOT);
            int dot = path.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalStateException("config/application.properties: " + key + " names no field; write "
                        + FIELD_PREFIX + "<entity>[.<child list>].<field>");
            }
            profile.computeIfAbsent(path.substring(0, dot), k -> new HashMap<>()).put(path.substring(dot + 1),
                    FakeMethod.parse(key, value));
        });
        String domain = settings.text("datasync.anonymize.email-domain").toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalStateException("config/application.properties: datasync.anonymize.email-domain must be a domain"
                    + " (example.invalid), not '" + domain + "'");
        }
        return new Anonymizer(profile, new Fakes(secret.trim()), domain, settings.text("datasync.anonymize.password-hash"),
                handlers, (value, fake, word) -> { });
    }

    /** @throws IllegalArgumentException when the secret is missing, or too short to keep the fakes' source values hidden */
    public static void checkSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--anonymize needs " + SECRET_VARIABLE + " in .env.local or the environment: a"
                    + " random text of " + MIN_SECRET_LENGTH + " or more characters, the same for every run (it decides the fakes)");
        }
        if (secret.trim().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " is " + secret.trim().length() + " characters long; --anonymize"
                    + " needs " + MIN_SECRET_LENGTH + " or more, so that nobody can guess the fakes' source values");
        }
    }

    /** Hears each source value a fake hides, as it is replaced, and the text values it keeps. */
    public interface Replacements {
        /** @param word whether the value is a name: a word that data of other kinds may hold too (a region, a colour) */
        void replaced(String original, String fake, boolean word);

        /** A text value of a field the profile keeps (a store view's name, a review's title): data that is no one's. */
        default void kept(String value) {}
    }

    /** The same anonymizer, telling each hidden source value and its fake to the listener as it replaces it. */
    public Anonymizer watching(Replacements listener) {
        return new Anonymizer(profile, fakes, emailDomain, passwordHash, handlers, listener);
    }

    /** The tables the profile's entity types are kept in, their values' and children's included: where personal data is. */
    public Set<String> personalTables() {
        Set<String> tables = new TreeSet<>();
        for (String path : profile.keySet()) {
            handlers.find(path.split("\\.")[0]).ifPresent(handler -> addTables(handler.shape(), tables));
        }
        return tables;
    }

    private static void addTables(TableShape shape, Set<String> tables) {
        tables.add(shape.table());
        if (shape.hasValues()) {
            RowLoader.BACKEND_TYPES.forEach(backend -> tables.add(shape.valueTable(backend)));
        }
        shape.children().forEach(child -> addTables(child, tables));
    }

    @Override
    public String describe() {
        return "anonymize";
    }

    @Override
    public void rewrite(Record record) {
        rewrite(record, record.entityType());
        rewriteReferences(record);
    }

    private void rewrite(Record record, String path) {
        Map<String, FakeMethod> fields = profile.get(path);
        if (fields != null) {
            rewriteValues(record.fields(), fields);
            record.storeFields().values().forEach(values -> rewriteValues(values, fields));
        }
        for (Map.Entry<String, List<Record>> children : record.allChildren().entrySet()) {
            String childPath = path + "." + children.getKey().toLowerCase(Locale.ROOT);
            children.getValue().forEach(child -> rewrite(child, childPath));
        }
    }

    private void rewriteValues(Map<String, Object> values, Map<String, FakeMethod> fields) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            FakeMethod method = fields.get(value.getKey());
            if (method != null && value.getValue() != null) {
                value.setValue(fake(method, value.getValue()));
            } else if (value.getValue() instanceof String text) {
                replaced.kept(text);
            }
        }
    }

    /** A value's fake; only text is faked (a reference or an option keeps what it is), except blanks and passwords. */
    private Object fake(FakeMethod method, Object value) {
        if (method == FakeMethod.BLANK) {
            return null;
        }
        if (method == FakeMethod.PASSWORD) {
            return passwordHash;
        }
        if (!(value instanceof String text) || text.isBlank() || method == FakeMethod.KEEP) {
            return value;
        }
        String fake = switch (method) {
            case EMAIL -> fakes.email(text, emailDomain);
            case NAME -> fakes.name(text);
            case STREET -> fakes.street(text);
            case DIGITS -> fakes.digits(text);
            case DATE -> fakes.date(text);
            case TEXT -> fakes.text(text);
            case IP -> fakes.ip(text);
            default -> throw new IllegalStateException("no fake for " + method);
        };
        if (method.hidesValue()) {
            replaced.replaced(text, fake, method == FakeMethod.NAME);
        }
        return fake;
    }

    /** References by natural key to an entity whose key holds a faked field (a customer's email) name its fake. */
    private void rewriteReferences(Record record) {
        rewriteReferences(record.fields());
        record.storeFields().values().forEach(this::rewriteReferences);
        record.allChildren().values().forEach(children -> children.forEach(this::rewriteReferences));
    }

    private void rewriteReferences(Map<String, Object> values) {
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getValue() instanceof Ref ref && ref.naturalKey() != null) {
                EntityHandler target = handlers.find(ref.entityType()).orElse(null);
                String key = target == null ? ref.naturalKey() : naturalKey(target, ref.naturalKey());
                if (!key.equals(ref.naturalKey())) {
                    value.setValue(ref.withNaturalKey(key));
                }
            }
        }
    }

    @Override
    public String naturalKey(EntityHandler handler, String sourceKey) {
        Map<String, FakeMethod> fields = profile.get(handler.type());
        if (sourceKey == null || fields == null) {
            return sourceKey;
        }
        return handler.rewriteNaturalKey(sourceKey, (field, value) -> {
            FakeMethod method = fields.get(field);
            Object fake = method == null || value == null ? value : fake(method, value);
            return fake == null ? null : fake.toString();
        });
    }
}
