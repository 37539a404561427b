package org.maho.datasync.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PHP's {@code serialize()} format, in which OpenMage stores a price rule's conditions and actions: arrays become
 * ordered maps (keys {@link Long} or {@link String}), strings {@link String}, integers {@link Long}, booleans
 * {@link Boolean}, {@code N;} null, and floats a {@link Decimal} holding the text PHP wrote, so that a value read and
 * written back is the same bytes. Objects are not read: OpenMage's rules hold none.
 *
 * <p>String lengths count UTF-8 bytes, as PHP's do: a text with accents keeps its length right when written anew.
 */
public final class PhpSerialized {

    /** A PHP float, as the text PHP wrote ({@code 100}, {@code 0.5}). */
    public record Decimal(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final byte[] in;
    private int at;

    private PhpSerialized(byte[] in) {
        this.in = in;
    }

    /** The value a serialized text holds; an {@link IllegalArgumentException} naming the offset when it is not one. */
    public static Object parse(String text) {
        PhpSerialized parser = new PhpSerialized(text.getBytes(StandardCharsets.UTF_8));
        Object value = parser.value();
        if (parser.at != parser.in.length) {
            throw parser.error("text after the value");
        }
        return value;
    }

    private Object value() {
        if (at >= in.length) {
            throw error("the text ends where a value should be");
        }
        char type = (char) in[at++];
        if (type == 'N') {
            expect(';');
            return null;
        }
        expect(':');
        switch (type) {
            case 'b':
                return "1".equals(until(';'));
            case 'i':
                try {
                    return Long.parseLong(until(';'));
                } catch (NumberFormatException e) {
                    throw error("an integer that is not a number");
                }
            case 'd':
                return new Decimal(until(';'));
            case 's': {
                String text = string(length());
                expect(';');
                return text;
            }
            case 'a': {
                int count = length();
                expect('{');
                Map<Object, Object> array = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    Object key = value();
                    if (!(key instanceof Long) && !(key instanceof String)) {
                        throw error("an array key that is neither an integer nor a string");
                    }
                    array.put(key, value());
                }
                expect('}');
                return array;
            }
            default:
                throw error("a value of type '" + type + "', which price rules do not hold");
        }
    }

    private int length() {
        try {
            return Integer.parseInt(until(':'));
        } catch (NumberFormatException e) {
            throw error("a length that is not a number");
        }
    }

    private String string(int bytes) {
        expect('"');
        if (bytes < 0 || at + bytes > in.length) {
            throw error("a string longer than the text");
        }
        String text = new String(in, at, bytes, StandardCharsets.UTF_8);
        at += bytes;
        expect('"');
        return text;
    }

    private String until(char end) {
        int start = at;
        while (at < in.length && in[at] != end) {
            at++;
        }
        if (at >= in.length) {
            throw error("no '" + end + "' where one should be");
        }
        return new String(in, start, at++ - start, StandardCharsets.US_ASCII);
    }

    private void expect(char c) {
        if (at >= in.length || in[at] != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not PHP-serialized data: " + what + " at byte " + at);
    }

    /** The serialized text of a value made of what {@link #parse} gives (and ints). */
    public static String write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            out.writeBytes("N;".getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Boolean bool) {
            out.writeBytes(("b:" + (bool ? 1 : 0) + ";").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Long || value instanceof Integer) {
            out.writeBytes(("i:" + value + ";").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Decimal decimal) {
            out.writeBytes(("d:" + decimal.text() + ";").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Map<?, ?> array) {
            out.writeBytes(("a:" + array.size() + ":{").getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<?, ?> entry : array.entrySet()) {
                write(entry.getKey(), out);
                write(entry.getValue(), out);
            }
            out.write('}');
        } else if (value instanceof CharSequence) {
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("s:" + text.length + ":\"").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(text);
            out.writeBytes("\";".getBytes(StandardCharsets.US_ASCII));
        } else {
            // a value of another kind (a double, a portable value left in a tree) has no one PHP form: a bug, never text
            throw new IllegalArgumentException("no PHP-serialized form for a " + value.getClass().getSimpleName());
        }
    }
}
