package org.maho.datasync.source.shopify;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.maho.datasync.source.InputFileException;
import org.maho.datasync.source.csv.CsvRow;

/**
 * What Shopify's CSV exports have in common: which export a file is, by its header; a column under the names Shopify
 * gave it over the years ("Variant SKU" before 2024, "SKU" after); and the values a spreadsheet damages on the way (a
 * zip code kept as {@code '92591} so that it stays text, an id or a phone number turned into {@code 7.02255E+12}).
 */
enum ShopifyExport {

    PRODUCT("product", List.of("Handle", "URL handle")),
    CUSTOMER("customer", List.of("First Name", "Default Address Address1", "Address1")),
    ORDER("order", List.of("Lineitem name"));

    /** The entity type a file of this export is synced as. */
    final String entityType;
    /** Columns of which this export has one and the others none. */
    private final List<String> marks;

    ShopifyExport(String entityType, List<String> marks) {
        this.entityType = entityType;
        this.marks = marks;
    }

    /**
     * Refuses a file that is not this export: another Shopify export names the entity type to sync it as; a file that
     * is none names the column it lacks.
     */
    void check(String file, Set<String> columns) {
        if (has(columns)) {
            return;
        }
        for (ShopifyExport other : values()) {
            if (other != this && other.has(columns)) {
                throw new InputFileException(file + ": this is a Shopify " + other.entityType + " export (it has the column "
                        + other.marks.stream().filter(mark -> columns.stream().anyMatch(mark::equalsIgnoreCase)).findFirst().orElseThrow()
                        + "), not " + article() + " export: sync it with sync " + other.entityType + " <source> -a shopify -f " + file);
            }
        }
        throw new InputFileException(file + ": a Shopify " + entityType + " export has the column " + String.join(" (or ", marks)
                + (marks.size() > 1 ? ")" : "") + ", which this file lacks");
    }

    private String article() {
        return ("aeiou".indexOf(entityType.charAt(0)) >= 0 ? "an " : "a ") + entityType;
    }

    private boolean has(Set<String> columns) {
        if (this == CUSTOMER && ORDER.has(columns)) {
            return false; // an orders export has names and addresses too
        }
        return marks.stream().anyMatch(mark -> columns.stream().anyMatch(mark::equalsIgnoreCase));
    }

    /** A value under the first of these column names the file has (any case), or null when its cell is empty. */
    static String get(CsvRow row, String... names) {
        for (String name : names) {
            String value = row.get(name);
            if (value == null) {
                for (String column : row.values().keySet()) {
                    if (column.equalsIgnoreCase(name)) {
                        value = row.get(column);
                        break;
                    }
                }
            }
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** Shopify's booleans: TRUE, true, yes. */
    static boolean yes(String value) {
        return value != null && Set.of("true", "yes", "1").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** A zip code as Shopify exports it, with an apostrophe that keeps a spreadsheet from reading it as a number. */
    static String zip(String value) {
        return value == null ? null : value.replaceFirst("^'+", "").trim();
    }

    /** Whether a spreadsheet turned this number into scientific notation, its digits past the sixth lost. */
    static boolean damaged(String value) {
        return value != null && value.trim().matches("[0-9.]+[eE][+-]?[0-9]+");
    }

    /** An amount, or zero for none. */
    static BigDecimal amount(String value) {
        if (value == null || value.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** "Test Buyer1" as first name and last name: Shopify's own split is at the first space. */
    static String[] name(String full) {
        if (full == null || full.isBlank()) {
            return new String[] {null, null};
        }
        String[] parts = full.trim().split("\\s+", 2);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : null};
    }
}
