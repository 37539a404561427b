package org.maho.datasync.mapping;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares values the way the database stores them, so that "12.5000" equals "12.5" in a decimal column
 * but "0800" and "800" stay different postcodes.
 */
public final class ValueFormat {

    private static final Set<String> NUMERIC = Set.of("decimal", "float", "double", "int", "smallint", "tinyint",
            "mediumint", "bigint");
    private static final Set<String> TEMPORAL = Set.of("datetime", "timestamp", "date");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?)?");

    private ValueFormat() {}

    /** The SQL data type of an EAV value table's value column. */
    public static String dataTypeOfBackend(String backendType) {
        return "varchar".equals(backendType) ? "varchar" : backendType;
    }

    public static boolean same(String dataType, String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (NUMERIC.contains(dataType)) {
            try {
                return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (TEMPORAL.contains(dataType)) {
            return Objects.equals(dateTime(a), dateTime(b));
        }
        return false;
    }

    /** The form two equal values of a column share: "10" and "10.0000" in a decimal column are both "10". */
    public static String canonical(String dataType, String value) {
        if (value == null) {
            return null;
        }
        if (NUMERIC.contains(dataType)) {
            try {
                return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return TEMPORAL.contains(dataType) ? dateTime(value) : value;
    }

    /** "2025-01-02" and "2025-01-02 00:00:00.0" both become "2025-01-02 00:00:00"; other text is kept. */
    public static String dateTime(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (!DATE_TIME.matcher(text).matches()) {
            return text;
        }
        if (text.length() == 10) {
            return text + " 00:00:00";
        }
        return text.substring(0, 19);
    }

    public static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
