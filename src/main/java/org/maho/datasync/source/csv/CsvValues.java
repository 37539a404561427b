package org.maho.datasync.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.mapping.ValueMapper;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.model.ValueKind;

/** How CSV cells become portable values: a select attribute takes an option label, or the destination's option id. */
final class CsvValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CsvValues() {}

    static Object attributeValue(SyncJob job, String entityType, String code, String value) {
        ShopMetadata shop = ShopMetadata.of(job.destination());
        ShopMetadata.Attribute attribute = shop.attribute(entityType, code).orElse(null);
        if (attribute == null) {
            return value;
        }
        ValueKind kind = ValueMapper.kindOfAttribute(attribute);
        if (kind == ValueKind.OPTION) {
            return optionLabel(shop, attribute, value);
        }
        if (kind == ValueKind.OPTIONS) {
            List<Object> labels = new ArrayList<>();
            for (String part : list(value.replace('|', ','))) {
                labels.add(optionLabel(shop, attribute, part));
            }
            return labels;
        }
        return value;
    }

    private static String optionLabel(ShopMetadata shop, ShopMetadata.Attribute attribute, String value) {
        if (isNumber(value) && shop.optionId(attribute, value).isEmpty()) {
            String label = shop.optionLabel(attribute, Long.parseLong(value));
            if (label != null) {
                return label;
            }
        }
        return value;
    }

    static boolean isNumber(String text) {
        return text != null && text.trim().matches("\\d+");
    }

    static boolean isPositive(String text) {
        try {
            return new BigDecimal(text.trim()).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A comma-separated cell as its trimmed, non-empty parts. */
    static List<String> list(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        for (String part : text.split(",")) {
            if (!part.trim().isEmpty()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    /**
     * A numeric id in a file is the destination's: its code when the destination has it, else the record is
     * rejected naming the id; anything else is taken as the code itself.
     */
    static void reference(Record record, String field, String value, IntFunction<Optional<String>> codeOfId,
                                  String what) {
        Integer id = parse(value);
        if (id == null) {
            record.put(field, value);
            return;
        }
        codeOfId.apply(id).ifPresentOrElse(code -> record.put(field, code),
                () -> record.reject(field, "unknown " + what + " id " + value));
    }

    /** A numeric region_id in a file is the destination's own directory id. */
    static RegionRef regionById(Record address, ShopMetadata shop) {
        Integer id = parse(address.text("region_id"));
        ShopMetadata.Region region = id == null ? null : shop.region(id).orElse(null);
        if (region != null) {
            return new RegionRef(region.countryId(), region.code(), region.name());
        }
        return new RegionRef(address.text("country_id"), address.text("region_id"), address.text("region"));
    }

    static Integer parse(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cell holding a JSON array; an empty cell is an empty array, anything else rejects the record naming the column. */
    static JsonNode jsonArray(CsvRow row, Record record, String column) {
        String text = row.get(column);
        if (text == null) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isArray()) {
                record.reject(column, "is not a JSON array");
                return null;
            }
            return node;
        } catch (IOException e) {
            record.reject(column, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** The first of the named fields an object has, as text. */
    static String jsonText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
