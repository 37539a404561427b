package org.maho.datasync.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Dates as users write them in files and options, turned into the "yyyy-MM-dd HH:mm:ss" the shop stores. */
public final class DateValues {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));

    private DateValues() {}

    /** The date and time, or null when the text is not a date this tool reads. */
    public static LocalDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.length() > 19 && (value.charAt(19) == '.' || value.charAt(19) == 'Z' || value.charAt(19) == '+')) {
            value = value.substring(0, 19);
        }
        if (value.length() == 10) {
            try {
                return LocalDate.parse(value).atStartOfDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    public static boolean isDateOnly(String text) {
        return text != null && text.trim().length() == 10;
    }

    public static String format(LocalDateTime value) {
        return value.format(STORED);
    }

    /** The stored form of a user's date, or null when it is not a date. */
    public static String normalize(String text) {
        LocalDateTime parsed = parse(text);
        return parsed == null ? null : format(parsed);
    }
}
