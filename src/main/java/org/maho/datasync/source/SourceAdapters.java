package org.maho.datasync.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.maho.datasync.job.RecordRewrite;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/** The source adapters on the class path, by name and alias. */
public final class SourceAdapters {

    private static final SourceAdapters INSTALLED = new SourceAdapters();

    private final Map<String, SourceAdapter> byName = new LinkedHashMap<>();
    private final List<SourceAdapter> adapters = new ArrayList<>();

    private SourceAdapters() {
        for (SourceAdapter adapter : ServiceLoader.load(SourceAdapter.class)) {
            adapters.add(adapter);
            byName.put(adapter.name(), adapter);
            adapter.aliases().forEach(alias -> byName.put(alias, adapter));
        }
    }

    /** The adapters of this installation; they are loaded once. */
    public static SourceAdapters installed() {
        return INSTALLED;
    }

    public Optional<SourceAdapter> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** The adapter of this name; the caller checked it exists. */
    public SourceAdapter get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No source adapter '" + name + "'; there are "
                + String.join(", ", names())));
    }

    /** The job's records as its adapter reads them, each rewritten as the job says ({@code --anonymize}). */
    public Iterator<Record> read(SyncJob job) {
        Iterator<Record> records = get(job.spec().adapter()).read(job);
        RecordRewrite rewrite = job.spec().rewrite();
        return rewrite == null ? records : rewrite.over(records);
    }

    public List<String> names() {
        return adapters.stream().map(SourceAdapter::name).toList();
    }
}
