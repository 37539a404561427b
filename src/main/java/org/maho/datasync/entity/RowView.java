package org.maho.datasync.entity;

import java.util.List;
import java.util.Map;
import org.maho.datasync.mapping.DestinationForm;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.StoredRow;

/**
 * A row as matching sees it, in destination terms: a source row mapped for the destination, or a row the
 * destination stores. Key and content matching compare two views.
 */
public interface RowView {

    /** A column, or a default-scope attribute value, by name. */
    String get(String column);

    List<RowView> children(String name);

    static RowView of(Record record) {
        Map<String, String> values = record.mapped(DestinationForm.class).flatten();
        return new RowView() {
            @Override
            public String get(String column) {
                return values.get(column);
            }

            @Override
            public List<RowView> children(String name) {
                return record.children(name).stream().map(RowView::of).toList();
            }
        };
    }

    static RowView of(StoredRow row) {
        Map<String, String> values = row.flatten();
        return new RowView() {
            @Override
            public String get(String column) {
                return values.get(column);
            }

            @Override
            public List<RowView> children(String name) {
                return row.children(name).stream().map(RowView::of).toList();
            }
        };
    }
}
