package org.maho.datasync.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.maho.datasync.eav.ShopMetadata;
import org.maho.datasync.eav.ValueKind;
import org.maho.datasync.eav.ValueMapper;
import org.maho.datasync.pipeline.SyncJob;

/** How CSV cells become portable values: a select attribute takes an option label, or the destination's option id. */
final class CsvValues {

    private CsvValues() {}

    static Object attributeValue(SyncJob job, String entityType, String code, String value) {
        ShopMetadata shop = job.destination().metadata();
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
}
