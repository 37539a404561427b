package org.maho.datasync.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A record as two shops' records compare: every value as text in codes and natural keys (never a shop's ids),
 * store-view values as {@code field@store}, and child rows as forms of their own, compared as unordered lists.
 *
 * @param label     names the row in a difference ("items[sku=abc]"), or the record's natural key
 * @param openLists child lists where the destination keeps rows of its own (an attribute set's groups): rows only
 *                  the destination has there are no difference
 */
record ComparableForm(String label, Map<String, String> values, Map<String, List<ComparableForm>> children,
                      Set<String> openLists) {

    ComparableForm(String label) {
        this(label, new TreeMap<>(), new TreeMap<>(), new HashSet<>());
    }

    /** The form's whole content as one text, children sorted: two rows are the same when their texts are. */
    String text() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((field, value) -> text.append(text.length() > 1 ? ", " : "").append(field).append('=').append(value));
        children.forEach((name, rows) -> {
            List<String> texts = new ArrayList<>();
            rows.forEach(row -> texts.add(row.text()));
            texts.sort(null);
            text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(texts);
        });
        return text.append('}').toString();
    }
}
