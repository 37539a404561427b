package org.maho.datasync.source.magento2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maho.datasync.model.PhpSerialized;

/**
 * Magento 2 stores as JSON what OpenMage reads with PHP's {@code unserialize()} (an order item's product options, a
 * payment's additional information). The value is turned into what {@code json_decode($text, true)} gives in PHP and
 * then serialized as PHP does: an object becomes an array whose keys that read as integers are integers, a list an
 * array keyed 0, 1, 2..., a number written without a fraction or exponent an integer and any other a float.
 */
final class JsonToPhp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonToPhp() {}

    /**
     * The PHP-serialized form of a JSON text; a text that already is PHP-serialized data (a shop upgraded from Magento
     * 2.1 keeps some) stays as it is; null when it is neither.
     */
    static String serialized(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        if (!isJson(text)) {
            try {
                PhpSerialized.parse(text);
                return text;
            } catch (IllegalArgumentException neither) {
                return null;
            }
        }
        Object value = value(text);
        return value == null ? null : PhpSerialized.write(value);
    }

    /**
     * Whether a stored value is JSON, as Magento 2.2 and later write these columns (an object or a list), rather than
     * PHP-serialized data (which starts with a type letter): told by its first character, since a value is read for
     * every row and trying the other parser first costs an exception each time.
     */
    static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** What {@code json_decode($text, true)} gives in PHP, in {@link PhpSerialized}'s terms; null for a text that is not JSON. */
    static Object value(String text) {
        try {
            return php(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Object php(JsonNode node) {
        if (node.isObject()) {
            Map<Object, Object> array = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                array.put(key(field.getKey()), php(field.getValue()));
            }
            return array;
        }
        if (node.isArray()) {
            Map<Object, Object> array = new LinkedHashMap<>();
            for (int i = 0; i < node.size(); i++) {
                array.put((long) i, php(node.get(i)));
            }
            return array;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return new PhpSerialized.Decimal(phpFloat(node.doubleValue()));
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    /** PHP's key rule: a decimal integer without a leading zero, within PHP's integers, is an integer key. */
    private static Object key(String key) {
        if (key.matches("-?(0|[1-9]\\d*)") && !"-0".equals(key)) {
            try {
                return Long.parseLong(key);
            } catch (NumberFormatException beyondPhpIntegers) {
                return key;
            }
        }
        return key;
    }

    /**
     * A float as PHP 7.1+ serializes it (serialize_precision -1): the shortest digits that read back the same, plainly
     * written from 1e-4 up to 1e15, in E notation beyond ({@code 1.0E+25}, {@code 5.0E-5}).
     */
    private static String phpFloat(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        java.math.BigDecimal digits = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e15) {
            return digits.toPlainString();
        }
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - digits.scale();
        String mantissa = unscaled.length() == 1 ? unscaled + ".0" : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "E" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
