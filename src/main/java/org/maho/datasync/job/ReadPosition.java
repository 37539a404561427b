package org.maho.datasync.job;

import org.maho.datasync.model.Record;

/**
 * Where a database reading stands: its reading pass (products read the simple ones first, then the composite ones)
 * and a source id within it. A reading pages by id, so every record before a position was read before it.
 */
public record ReadPosition(int pass, long id) implements Comparable<ReadPosition> {

    /** The record's position, or null when its source id is not a number (a file's line, a store's code). */
    public static ReadPosition of(Record record) {
        String id = record.sourceId();
        if (id == null || id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        return new ReadPosition(record.readingPass(), Long.parseLong(id));
    }

    /** The position just before this one: what is safe when this record is not done. */
    public ReadPosition before() {
        return new ReadPosition(pass, id - 1);
    }

    public static ReadPosition earlier(ReadPosition a, ReadPosition b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(ReadPosition other) {
        return pass != other.pass ? Integer.compare(pass, other.pass) : Long.compare(id, other.id);
    }

    @Override
    public String toString() {
        return (pass > 0 ? "reading pass " + (pass + 1) + ", " : "") + "source id " + id;
    }
}
