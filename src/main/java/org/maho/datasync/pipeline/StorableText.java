package org.maho.datasync.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;

/**
 * A text value the destination's column cannot store is its record's problem, named by field and character, rather
 * than a batch failing with the server's "Incorrect string value". OpenMage's tables are utf8 (three bytes a
 * character), so a character beyond the Basic Multilingual Plane (an emoji, a rare CJK ideograph) from a utf8mb4 shop
 * or a file has no place there; a destination whose tables are utf8mb4 takes it.
 */
final class StorableText {

    private StorableText() {}

    static void check(SyncJob job, Record record) {
        check(job.destination(), job.handler().shape(), record, record, "");
    }

    private static void check(ShopDatabase destination, TableShape shape, Record row, Record record, String prefix) {
        checkFields(destination, shape, row.fields(), record, prefix);
        for (Map<String, Object> store : row.storeFields().values()) {
            checkFields(destination, shape, store, record, prefix);
        }
        for (Map.Entry<String, List<Record>> children : row.allChildren().entrySet()) {
            shape.child(children.getKey()).ifPresent(childShape -> children.getValue().forEach(child ->
                    check(destination, childShape, child, record, prefix + children.getKey() + ".")));
        }
    }

    private static void checkFields(ShopDatabase destination, TableShape shape, Map<String, Object> fields, Record record,
                                    String prefix) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() instanceof String text) {
                int at = firstBeyondThreeBytes(text);
                if (at >= 0 && !storesFourBytes(destination, shape, field.getKey())) {
                    int codePoint = text.codePointAt(at);
                    record.reject(prefix + field.getKey(), String.format(Locale.ROOT, "holds '%s' (U+%04X), a character"
                                    + " the destination's utf8 (three-byte) column cannot store", Character.toString(codePoint),
                            codePoint));
                }
            }
        }
    }

    /** The index of the first character outside the Basic Multilingual Plane (a surrogate pair), or -1. */
    private static int firstBeyondThreeBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A field is its table's column, else an attribute value, whose tables' value columns share a charset. */
    private static boolean storesFourBytes(ShopDatabase destination, TableShape shape, String field) {
        if (destination.columns(shape.table()).containsKey(field)) {
            return !destination.threeByteColumns(shape.table()).contains(field);
        }
        if (shape.hasValues()) {
            return !destination.threeByteColumns(shape.valueTable("varchar")).contains("value");
        }
        return true;
    }
}
