package org.maho.datasync.source.grouplist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TaxClassRef;
import org.maho.datasync.source.SourceAdapter;

/**
 * A source adapter as small as one can be, to show what a new source takes: this package and one line in
 * {@code META-INF/services/org.maho.datasync.source.SourceAdapter}. It reads customer groups from a text file, one
 * a line, "code;tax class name", into the same portable records the openmage adapter makes of customer_group rows.
 */
public final class GroupListAdapter implements SourceAdapter {

    @Override
    public String name() {
        return "grouplist";
    }

    @Override
    public Input input() {
        return Input.FILE;
    }

    @Override
    public boolean reads(String entityType) {
        return "customergroup".equals(entityType);
    }

    @Override
    public Set<JobOption> options() {
        return Set.of();
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        List<String> lines;
        try {
            lines = Files.readAllLines(job.spec().file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(";", 2);
            Record group = new Record("customergroup", null, job.spec().file().getFileName() + " line " + (i + 1))
                    .put("customer_group_code", cells[0].trim());
            if (cells.length > 1) {
                group.put("tax_class_id", new TaxClassRef(cells[1].trim(), "CUSTOMER"));
            }
            records.add(group);
        }
        return records.iterator();
    }
}
