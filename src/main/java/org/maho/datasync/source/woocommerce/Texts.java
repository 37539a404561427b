package org.maho.datasync.source.woocommerce;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How WordPress writes some values, read as OpenMage keeps them. */
final class Texts {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Texts() {}

    /** A slug as WordPress keeps it, non-ASCII letters percent-encoded, decoded. */
    static String slug(String slug) {
        if (slug == null || !slug.contains("%")) {
            return slug;
        }
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    /** A term's name, in which WordPress escapes {@code &} as {@code &amp;}. */
    static String html(String name) {
        return name == null ? null : name.replace("&amp;", "&");
    }

    /** A Unix time (WooCommerce's sale dates) as a UTC date and time; null when there is none. */
    static String unixTime(String seconds) {
        if (seconds == null || !seconds.trim().matches("\\d+")) {
            return null;
        }
        return DATE_TIME.format(Instant.ofEpochSecond(Long.parseLong(seconds.trim())));
    }

    /** A WordPress GMT date, or null for its "never" ({@code 0000-00-00 00:00:00}). */
    static String gmt(String date) {
        return date == null || date.startsWith("0000") ? null : date;
    }

    static boolean yes(String value) {
        return "yes".equals(value) || "1".equals(value) || "true".equals(value);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A number WooCommerce keeps as text, or 0 for none. */
    static java.math.BigDecimal decimal(String value) {
        try {
            return blank(value) ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return java.math.BigDecimal.ZERO;
        }
    }
}
