package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A price rule's conditions or actions, portable: the tree OpenMage serializes ({@link PhpSerialized}), each condition
 * a map with its {@code type}, {@code attribute}, {@code operator} and {@code value}, nested under {@code conditions}.
 * Attribute codes mean the same in every shop; a value that names something by id (an option of a select attribute,
 * an attribute set, a tax class, a category, a region) is carried as a {@link Value} of what it names.
 *
 * @param tree the parsed tree, with {@link Value}s where the source held ids
 */
public record RuleConditions(Object tree) {

    /** How a condition's value held its ids: one id, ids separated by commas (the admin's ", " or a bare ","), an array. */
    public enum Form { SINGLE, COMMA_LIST, COMMA_SPACE_LIST, ARRAY }

    /**
     * A condition's value that names things by id, in portable form.
     *
     * @param kind      what the ids are ({@link ValueKind#OPTION}, {@link ValueKind#REFERENCE} to categories, ...)
     * @param attribute the condition's attribute code
     * @param items     each id's portable form: a label, a set name, a {@link Ref}, a {@link RegionRef}
     */
    public record Value(ValueKind kind, String attribute, List<Object> items, Form form) {}

    /**
     * A combination of conditions as OpenMage serializes it ({@code salesrule/rule_condition_combine}, the actions'
     * {@code salesrule/rule_condition_product_combine}, a cart item's {@code salesrule/rule_condition_product_found}):
     * all of them true.
     */
    @SafeVarargs
    public static Map<Object, Object> combine(String type, Map<Object, Object>... conditions) {
        Map<Object, Object> combine = new LinkedHashMap<>();
        combine.put("type", type);
        combine.put("attribute", null);
        combine.put("operator", null);
        combine.put("value", "1");
        combine.put("is_value_processed", null);
        combine.put("aggregator", "all");
        if (conditions.length > 0) {
            combine.put("conditions", array((Object[]) conditions));
        }
        return combine;
    }

    /** One condition: an attribute compared by an operator ({@code ==}, {@code >=}, {@code ()} one of) with a value. */
    public static Map<Object, Object> condition(String type, String attribute, String operator, Object value) {
        Map<Object, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("attribute", attribute);
        condition.put("operator", operator);
        condition.put("value", value);
        condition.put("is_value_processed", false);
        return condition;
    }

    /** A PHP list: its values under the keys 0, 1, 2 ... */
    public static Map<Object, Object> array(Object... values) {
        Map<Object, Object> array = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            array.put((long) i, values[i]);
        }
        return array;
    }

    /** Turns one condition's value into another: a condition is a map with a type and an attribute. */
    public interface ConditionValue<E extends Exception> {
        Object apply(String type, String attribute, Object value) throws E;
    }

    /** The tree with every condition's value replaced by what {@code rewrite} gives for it. */
    public static <E extends Exception> Object rewrite(Object tree, ConditionValue<E> rewrite) throws E {
        if (!(tree instanceof Map<?, ?> node)) {
            return tree;
        }
        boolean condition = node.get("type") instanceof String && node.get("attribute") instanceof String;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            Object value = entry.getValue();
            out.put(entry.getKey(), condition && "value".equals(entry.getKey())
                    ? rewrite.apply((String) node.get("type"), (String) node.get("attribute"), value)
                    : rewrite(value, rewrite));
        }
        return out;
    }

    /** Every reference the conditions hold (categories). */
    public List<Ref> refs() {
        List<Ref> refs = new ArrayList<>();
        rewrite(tree, (type, attribute, value) -> {
            if (value instanceof Value mapped) {
                mapped.items().stream().filter(Ref.class::isInstance).map(Ref.class::cast).forEach(refs::add);
            }
            return value;
        });
        return refs;
    }

    /** The same conditions with each reference replaced by what {@code replace} gives (its natural key added). */
    public RuleConditions withRefs(Function<Ref, Ref> replace) {
        return new RuleConditions(rewrite(tree, (type, attribute, value) -> value instanceof Value mapped
                ? new Value(mapped.kind(), mapped.attribute(), mapped.items().stream()
                        .map(item -> item instanceof Ref ref ? replace.apply(ref) : item).toList(), mapped.form())
                : value));
    }

    /** The conditions as text, each mapped value as {@code itemText} names its items: what two shops' rules compare by. */
    public String render(Function<Object, String> itemText) {
        return PhpSerialized.write(rewrite(tree, (type, attribute, value) -> value instanceof Value mapped
                ? "{" + String.join(",", mapped.items().stream().map(itemText).toList()) + "}" : value));
    }

    @Override
    public String toString() {
        return render(String::valueOf);
    }
}
