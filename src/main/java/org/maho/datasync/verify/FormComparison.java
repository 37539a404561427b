package org.maho.datasync.verify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The differences between a source record's form and its destination counterpart's: values field by field, child
 * rows as unordered lists. A source row without an equal destination row is paired with the destination row that
 * shares most of its values, so a changed price shows as that field, not as a row missing and a row extra.
 */
final class FormComparison {

    private FormComparison() {}

    static List<Difference> compare(String entityType, String key, ComparableForm source, ComparableForm destination) {
        List<Difference> differences = new ArrayList<>();
        compare(entityType, key, "", source, destination, differences);
        return differences;
    }

    private static void compare(String type, String key, String prefix, ComparableForm source, ComparableForm destination,
                                List<Difference> differences) {
        TreeSet<String> fields = new TreeSet<>(source.values().keySet());
        fields.addAll(destination.values().keySet());
        for (String field : fields) {
            String from = source.values().get(field);
            String to = destination.values().get(field);
            if (from == null ? to != null : !from.equals(to)) {
                differences.add(new Difference(type, key, prefix + field, from, to));
            }
        }
        TreeSet<String> lists = new TreeSet<>(source.children().keySet());
        lists.addAll(destination.children().keySet());
        for (String list : lists) {
            compareRows(type, key, prefix, source.children().getOrDefault(list, List.of()),
                    destination.children().getOrDefault(list, List.of()), source.openLists().contains(list), differences);
        }
    }

    private static void compareRows(String type, String key, String prefix, List<ComparableForm> sourceRows,
                                    List<ComparableForm> destinationRows, boolean open, List<Difference> differences) {
        Map<String, List<ComparableForm>> unmatched = new LinkedHashMap<>();
        for (ComparableForm row : destinationRows) {
            unmatched.computeIfAbsent(row.text(), k -> new ArrayList<>()).add(row);
        }
        List<ComparableForm> missing = new ArrayList<>();
        for (ComparableForm row : sourceRows) {
            List<ComparableForm> same = unmatched.get(row.text());
            if (same != null && !same.isEmpty()) {
                same.remove(same.size() - 1);
            } else {
                missing.add(row);
            }
        }
        List<ComparableForm> extra = new ArrayList<>();
        unmatched.values().forEach(extra::addAll);
        for (ComparableForm row : missing) {
            ComparableForm closest = open ? null : closest(row, extra);
            if (closest != null) {
                extra.remove(closest);
                compare(type, key, prefix + row.label() + ".", row, closest, differences);
            } else {
                differences.add(new Difference(type, key, prefix + row.label(), row.text(), null));
            }
        }
        for (ComparableForm row : open ? List.<ComparableForm>of() : extra) {
            differences.add(new Difference(type, key, prefix + row.label(), null, row.text()));
        }
    }

    /** The row sharing most values with this one (at least half of them), or null. */
    private static ComparableForm closest(ComparableForm row, List<ComparableForm> candidates) {
        ComparableForm best = null;
        int bestShared = 0;
        for (Iterator<ComparableForm> it = candidates.iterator(); it.hasNext(); ) {
            ComparableForm candidate = it.next();
            int shared = 0;
            for (Map.Entry<String, String> value : row.values().entrySet()) {
                if (value.getValue().equals(candidate.values().get(value.getKey()))) {
                    shared++;
                }
            }
            if (shared > bestShared && shared * 2 >= row.values().size()) {
                best = candidate;
                bestShared = shared;
            }
        }
        return best;
    }
}
