package org.maho.datasync.sample;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.maho.datasync.model.PhpSerialized;

/**
 * What Magento's Data Migration Tool writes for a PHP-serialized value (its SerializeToJson handler:
 * {@code json_encode(unserialize($value))}): an array keyed 0, 1, 2... a list, any other an object; a float with its
 * fraction ({@code 100.0}); non-ASCII characters escaped as json_encode escapes them.
 */
final class PhpToJson {

    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhpToJson() {}

    /** The JSON of a serialized text; a text that is not PHP-serialized data stays as it is. */
    static String json(String serialized) {
        Object value;
        try {
            value = PhpSerialized.parse(serialized);
        } catch (IllegalArgumentException notSerialized) {
            return serialized;
        }
        return jsonOf(value);
    }

    /** The JSON of a PHP value as {@link PhpSerialized#parse} gives it (json_encode). */
    static String jsonOf(Object value) {
        try {
            return JSON.writeValueAsString(node(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(Object value) {
        if (value instanceof Map<?, ?> array) {
            if (isList(array)) {
                ArrayNode list = NODES.arrayNode();
                array.values().forEach(item -> list.add(node(item)));
                return list;
            }
            ObjectNode object = NODES.objectNode();
            array.forEach((key, item) -> object.set(key.toString(), node(item)));
            return object;
        }
        if (value instanceof PhpSerialized.Decimal decimal) {
            return NODES.numberNode(Double.parseDouble(decimal.text()));
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
    }

    private static boolean isList(Map<?, ?> array) {
        long expected = 0;
        for (Object key : array.keySet()) {
            if (!Long.valueOf(expected++).equals(key)) {
                return false;
            }
        }
        return true;
    }
}
