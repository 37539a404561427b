package org.maho.datasync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.mapping.ShopMetadata.Attribute;
import org.maho.datasync.mapping.ValueMapper.UnmappedValueException;
import org.maho.datasync.model.PhpSerialized;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.ValueKind;

/**
 * Maps a price rule's conditions between shops. A product condition's attribute decides what its value's ids are
 * (a select attribute's options, an attribute set, a tax class, {@code category_ids}' categories); a cart address
 * condition on {@code region_id} holds a region. Everything else (skus, prices, countries, payment methods) means the
 * same in every shop. A value the destination cannot name makes the rule invalid, with the reason: a rule that kept a
 * source id would apply to something else, and one that dropped it to everything.
 */
final class RuleConditionMapping {

    private static final String PRODUCT = "catalog_product";

    private final ValueMapper mapper;

    RuleConditionMapping(ValueMapper mapper) {
        this.mapper = mapper;
    }

    /** What a condition's ids are, at the source; {@link ValueKind#PLAIN} when it holds none. */
    private ValueKind kindOf(String type, String attribute) {
        if (type.endsWith("/rule_condition_address")) {
            return "region_id".equals(attribute) ? ValueKind.REGION : ValueKind.PLAIN;
        }
        if (!type.endsWith("/rule_condition_product")) {
            return ValueKind.PLAIN;
        }
        // two conditions on what is no EAV attribute: the product's categories and its entity row's set
        if ("category_ids".equals(attribute)) {
            return ValueKind.REFERENCE;
        }
        if ("attribute_set_id".equals(attribute)) {
            return ValueKind.ATTRIBUTE_SET;
        }
        ValueKind kind = mapper.source().attribute(PRODUCT, attribute).map(ValueMapper::kindOfAttribute).orElse(ValueKind.PLAIN);
        return switch (kind) {
            case OPTION, OPTIONS -> ValueKind.OPTION;
            case ATTRIBUTE_SET, TAX_CLASS -> kind;
            default -> ValueKind.PLAIN;
        };
    }

    /** The portable conditions; a text that is not PHP-serialized data is carried as it is, with a warning. */
    Object toPortable(String raw, String where) {
        if (raw.isBlank()) {
            return raw;
        }
        Object tree;
        try {
            tree = PhpSerialized.parse(raw);
        } catch (IllegalArgumentException e) {
            mapper.warnings().warn(where + ": " + e.getMessage() + "; copied as it is");
            return raw;
        }
        return new RuleConditions(RuleConditions.rewrite(tree, (type, attribute, value) -> {
            ValueKind kind = kindOf(type, attribute);
            List<String> ids = new ArrayList<>();
            RuleConditions.Form form = idsOf(value, ids);
            if (kind == ValueKind.PLAIN || form == null) {
                return value;
            }
            Attribute definition = mapper.source().attribute(PRODUCT, attribute).orElse(null);
            List<Object> items = new ArrayList<>();
            for (String id : ids) {
                items.add(itemToPortable(kind, definition, id, where));
            }
            return new RuleConditions.Value(kind, attribute, items, form);
        }));
    }

    private Object itemToPortable(ValueKind kind, Attribute definition, String id, String where) {
        switch (kind) {
            case REFERENCE:
                return new Ref("category", id, null, Ref.Missing.INVALID);
            case OPTION: {
                long option;
                try {
                    option = Long.parseLong(id);
                } catch (NumberFormatException e) {
                    return new RawValue(id);
                }
                String label = mapper.source().isOption(definition, option) ? mapper.source().optionLabel(definition, option) : null;
                return label == null ? new RawValue(id) : label;
            }
            default:
                return mapper.toPortable(kind, id, PRODUCT, definition, where);
        }
    }

    /** The categories the conditions name, for their natural keys; none when the text is not PHP-serialized data. */
    List<Ref> categories(String raw) {
        try {
            List<Ref> refs = new ArrayList<>();
            RuleConditions.rewrite(PhpSerialized.parse(raw), (type, attribute, value) -> {
                List<String> ids = new ArrayList<>();
                if (kindOf(type, attribute) == ValueKind.REFERENCE && idsOf(value, ids) != null) {
                    ids.forEach(id -> refs.add(new Ref("category", id, null, Ref.Missing.INVALID)));
                }
                return value;
            });
            return refs;
        } catch (IllegalArgumentException notSerialized) {
            return List.of();
        }
    }

    /** A condition value's ids into {@code ids}, and how it held them; null for a value without ids (empty, a number). */
    private static RuleConditions.Form idsOf(Object value, List<String> ids) {
        if (value instanceof Map<?, ?> array) {
            array.values().forEach(id -> ids.add(String.valueOf(id).trim()));
            return RuleConditions.Form.ARRAY;
        }
        String text = value instanceof String s ? s : value instanceof Long l ? String.valueOf(l) : null;
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String id : text.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return text.contains(", ") ? RuleConditions.Form.COMMA_SPACE_LIST
                : text.contains(",") ? RuleConditions.Form.COMMA_LIST : RuleConditions.Form.SINGLE;
    }

    /** The destination's serialized conditions. */
    String toDestination(RuleConditions conditions, String where) throws UnmappedValueException {
        return PhpSerialized.write(RuleConditions.rewrite(conditions.tree(), (type, attribute, value) -> {
            if (!(value instanceof RuleConditions.Value mapped)) {
                if (type.endsWith("/rule_condition_product") && mapper.source().attribute(PRODUCT, attribute).isPresent()
                        && mapper.destination().attribute(PRODUCT, attribute).isEmpty()) {
                    throw new UnmappedValueException("the condition on " + attribute
                            + " names a product attribute the destination does not have");
                }
                return value;
            }
            Attribute definition = mapper.destination().attribute(PRODUCT, attribute).orElse(null);
            if (definition == null && mapped.kind() == ValueKind.OPTION) {
                throw new UnmappedValueException("the condition on " + attribute
                        + " names a product attribute the destination does not have");
            }
            List<String> ids = new ArrayList<>();
            for (Object item : mapped.items()) {
                ids.add(itemToDestination(mapped.kind(), definition, attribute, item, where));
            }
            return switch (mapped.form()) {
                case SINGLE -> ids.get(0);
                case COMMA_LIST -> String.join(",", ids);
                case COMMA_SPACE_LIST -> String.join(", ", ids);
                case ARRAY -> {
                    Map<Object, Object> array = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        array.put((long) i, ids.get(i));
                    }
                    yield array;
                }
            };
        }));
    }

    private String itemToDestination(ValueKind kind, Attribute definition, String attribute, Object item, String where)
            throws UnmappedValueException {
        if (item instanceof RawValue raw) {
            // 0 is "none" for a tax class or a set, the same in every shop; any other id the source cannot name names nothing
            if ("0".equals(raw.raw()) && (kind == ValueKind.TAX_CLASS || kind == ValueKind.ATTRIBUTE_SET)) {
                return raw.raw();
            }
            throw new UnmappedValueException("the condition on " + attribute + " names " + raw.raw()
                    + ", which is no " + (kind == ValueKind.OPTION ? "option of " + attribute : kind.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ')) + " in the source shop");
        }
        if (item instanceof Ref ref) {
            return mapper.reference(ref, where);
        }
        if (item instanceof RegionRef region) {
            return String.valueOf(mapper.destination().regionId(region.countryId(), region.code())
                    .or(() -> mapper.destination().regionId(region.countryId(), region.name()))
                    .orElseThrow(() -> new UnmappedValueException("the condition on " + attribute + " names the region " + region
                            + ", which the destination's directory does not have")));
        }
        String id = mapper.toDestination(kind, item, PRODUCT, definition);
        if (id == null) {
            throw new UnmappedValueException("the condition on " + attribute + " names " + item
                    + ", which the destination does not have");
        }
        return id;
    }
}
