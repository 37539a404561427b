package org.maho.datasync.anonymize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic fakes: each one is drawn from an HMAC-SHA256 of the source value under a secret key, so the same value
 * always gives the same fake (an order's email stays its customer's, a re-run changes nothing), and without the key
 * nobody can tell which source value gave it. Every fake differs from the value it replaces.
 */
final class Fakes {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
            "w", "z", "br", "ch", "dr", "gr", "kl", "st", "tr", "th"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o"};
    private static final String[] CODAS = {"", "n", "r", "l", "s", "", "m", "th"};
    private static final String[] STREET_KINDS = {"Street", "Road", "Lane", "Avenue", "Way", "Place", "Close", "Drive"};
    /** dob fakes fall between these days: adults of any age a shop's validation accepts */
    private static final LocalDate FIRST_DATE = LocalDate.of(1950, 1, 1);
    private static final int DATE_SPAN_DAYS = (int) (LocalDate.of(2004, 12, 31).toEpochDay() - FIRST_DATE.toEpochDay());

    private final ThreadLocal<Mac> macs;

    Fakes(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this Java", e);
            }
        });
    }

    /** 32 bytes that stand for the value, of its kind: "John" as a name and as a street are unrelated. */
    private byte[] digest(String kind, String value, int round) {
        return macs.get().doFinal((kind + '\u0000' + round + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
    }

    /** A unique address in the reserved domain: a name for templates, and a hash part that keeps emails apart. */
    String email(String value, String domain) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        byte[] bytes = digest("email", normalized, 0);
        return (word(bytes, 0) + "." + word(bytes, 6)).toLowerCase(Locale.ROOT) + "." + HexFormat.of().formatHex(bytes, 12, 16)
                + "@" + domain;
    }

    /** Each word of a name replaced by a made-up one, so "Mary Ann" + "Smith" gives the same words as "Mary Ann Smith". */
    String name(String value) {
        StringBuilder fake = new StringBuilder(value.length() + 4);
        int i = 0;
        while (i < value.length()) {
            if (Character.isWhitespace(value.charAt(i))) {
                fake.append(value.charAt(i++));
                continue;
            }
            int end = i;
            while (end < value.length() && !Character.isWhitespace(value.charAt(end))) {
                end++;
            }
            fake.append(nameWord(value.substring(i, end)));
            i = end;
        }
        return fake.toString();
    }

    private String nameWord(String word) {
        String normalized = word.toLowerCase(Locale.ROOT);
        for (int round = 0; ; round++) {
            String fake = word(digest("name", normalized, round), 0);
            if (!fake.equalsIgnoreCase(word)) {
                return fake;
            }
        }
    }

    /** A house number, a made-up street name and a kind of street, for each line of the street. */
    String street(String value) {
        String[] lines = value.split("\n", -1);
        StringBuilder fake = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                fake.append('\n');
            }
            if (lines[i].isBlank()) {
                continue;
            }
            byte[] bytes = digest("street", lines[i].trim().toLowerCase(Locale.ROOT), 0);
            fake.append(1 + Byte.toUnsignedInt(bytes[20]) % 199).append(' ').append(word(bytes, 0)).append(' ')
                    .append(STREET_KINDS[Byte.toUnsignedInt(bytes[21]) % STREET_KINDS.length]);
        }
        return fake.toString();
    }

    /**
     * The value's shape with other digits: a phone stays "+49 30 1234567", a VAT number keeps its country letters.
     * A value without digits is a name to this method and gets made-up words.
     */
    String digits(String value) {
        if (value.chars().noneMatch(Character::isDigit)) {
            return name(value);
        }
        byte[] bytes = digest("digits", value.trim(), 0);
        char[] fake = value.toCharArray();
        int lastDigit = -1;
        for (int i = 0, n = 0; i < fake.length; i++) {
            if (Character.isDigit(fake[i])) {
                if (n > 0 && n % bytes.length == 0) {
                    bytes = digest("digits", value.trim(), n);
                }
                fake[i] = (char) ('0' + Byte.toUnsignedInt(bytes[n % bytes.length]) % 10);
                lastDigit = i;
                n++;
            }
        }
        if (new String(fake).equals(value)) {
            fake[lastDigit] = (char) ('0' + (fake[lastDigit] - '0' + 1) % 10);
        }
        return new String(fake);
    }

    /** Another day between 1950 and 2004, in the value's own form (a date, or a date with its time of day). */
    String date(String value) {
        String trimmed = value.trim();
        if (trimmed.length() < 10) {
            return trimmed;
        }
        byte[] bytes = digest("date", trimmed.substring(0, 10), 0);
        int offset = (int) (Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(bytes).getInt()) % (DATE_SPAN_DAYS + 1));
        String day = FIRST_DATE.plusDays(offset).toString();
        if (day.equals(trimmed.substring(0, 10))) {
            day = FIRST_DATE.plusDays((offset + 1) % (DATE_SPAN_DAYS + 1)).toString();
        }
        return day + trimmed.substring(10);
    }

    /** Free text replaced by a marker of its own, so that two different texts stay two (comments are matched by text). */
    String text(String value) {
        return "(removed by DataSync --anonymize " + HexFormat.of().formatHex(digest("text", value, 0), 0, 4) + ")";
    }

    /** An address of TEST-NET-1 (RFC 5737), which no real client has. */
    String ip(String value) {
        return "192.0.2." + Byte.toUnsignedInt(digest("ip", value.trim(), 0)[0]);
    }

    /** A pronounceable made-up word from five bytes: "Kavelon", "Strima". */
    private static String word(byte[] bytes, int from) {
        String word = ONSETS[Byte.toUnsignedInt(bytes[from]) % ONSETS.length]
                + VOWELS[Byte.toUnsignedInt(bytes[from + 1]) % VOWELS.length]
                + ONSETS[Byte.toUnsignedInt(bytes[from + 2]) % ONSETS.length]
                + VOWELS[Byte.toUnsignedInt(bytes[from + 3]) % VOWELS.length]
                + CODAS[Byte.toUnsignedInt(bytes[from + 4]) % CODAS.length];
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
