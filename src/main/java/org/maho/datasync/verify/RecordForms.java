package org.maho.datasync.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.TextWithRefs;

/**
 * Turns the portable records one shop's reader produced into {@link ComparableForm}s. What the two shops cannot
 * share is left out on both sides alike: a column only one shop's table has (a legacy column), a field the entity
 * derives ({@link EntityHandler#notVerified}), {@code updated_at}. A reference compares by its natural key; one to a
 * row without a natural key of its own (an order item, an address) by the destination id the registry gave it.
 */
final class RecordForms {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Set<String> NEVER_COMPARED = Set.of("updated_at");
    private static final int MAX_DEPTH = 3;

    /** Destination ids of the source's rows without a natural key, by "type#source id"; null on the destination side. */
    interface RegisteredIds {
        Long of(String entityType, String sourceId);
    }

    private final EntityHandler handler;
    private final EntityHandlers handlers;
    private final ShopDatabase own;
    private final ShopDatabase other;
    private final RegisteredIds registered;

    /**
     * @param own        the shop the records were read from
     * @param other      the shop they are compared with, for the columns both have
     * @param registered the registry's destination ids, for records read from the source; null for the destination's
     */
    RecordForms(EntityHandler handler, EntityHandlers handlers, ShopDatabase own, ShopDatabase other, RegisteredIds registered) {
        this.handler = handler;
        this.handlers = handlers;
        this.own = own;
        this.other = other;
        this.registered = registered;
    }

    ComparableForm of(Record record, String label) {
        return form(record, handler.shape(), List.of(record), label, 0);
    }

    /** Null when the row is not one to compare: it points at something its own shop does not have. */
    private ComparableForm form(Record record, TableShape shape, List<Record> owners, String label, int depth) {
        ComparableForm form = new ComparableForm(label);
        Map<String, String> ownColumns = own.columns(shape.table());
        Map<String, String> otherColumns = other.columns(shape.table());
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            String name = field.getKey();
            if (skipped(name) || ownColumns.containsKey(name) != otherColumns.containsKey(name)) {
                continue;
            }
            if (depth > 0 && pointsNowhere(shape, name, field.getValue())) {
                // a link to a product, a label for a store, that the shop itself lacks: the sync leaves the row out
                return null;
            }
            String value = text(name, field.getValue(), record, owners, depth);
            if (value != null) {
                form.values().put(name, value);
            }
        }
        record.storeFields().forEach((store, values) -> values.forEach((name, value) -> {
            // a NULL row at a store view hides the default value there: it is not the same as no row
            String text = skipped(name) ? null : value == null ? "NULL" : text(name, value, record, owners, depth);
            if (text != null) {
                form.values().put(name + "@" + store, text);
            }
        }));
        for (TableShape child : shape.children()) {
            if (skipped(child.name())) {
                continue;
            }
            List<ComparableForm> rows = new ArrayList<>();
            for (Record row : record.children(child.name())) {
                List<Record> rowOwners = new ArrayList<>();
                rowOwners.add(row);
                rowOwners.addAll(owners);
                ComparableForm childForm = form(row, child, rowOwners, childLabel(child, row), depth + 1);
                if (childForm != null) {
                    rows.add(childForm);
                }
            }
            if (!rows.isEmpty()) {
                form.children().put(child.name(), rows);
            }
            if (child.deletion() == TableShape.Deletion.NONE) {
                form.openLists().add(child.name());
            }
        }
        return form;
    }

    private boolean skipped(String name) {
        return NEVER_COMPARED.contains(name) || handler.notVerified().contains(name);
    }

    /** "items[sku=abc,qty_ordered=1]": the row's key columns, else its list alone. */
    private static String childLabel(TableShape child, Record row) {
        StringBuilder label = new StringBuilder(child.name());
        List<String> keys = new ArrayList<>();
        for (String column : child.keyColumns()) {
            Object value = row.get(column);
            if (value == null) {
                continue;
            }
            keys.add(column + "=" + (value instanceof Ref ref && ref.naturalKey() != null ? ref.naturalKey() : value));
        }
        if (!keys.isEmpty()) {
            label.append('[').append(String.join(",", keys)).append(']');
        }
        return label.toString();
    }

    private String text(String field, Object value, Record record, List<Record> owners, int depth) {
        if (value == null) {
            return null;
        }
        String childList = depth == 0 ? handler.childReferenceFields().get(field) : null;
        if (childList != null) {
            return childText(new ChildRef(childList, null, value.toString()), owners, depth);
        }
        if (value instanceof Ref ref) {
            return refText(ref);
        }
        if (value instanceof ChildRef ref) {
            return childText(ref, owners, depth);
        }
        if (value instanceof TextWithRefs content) {
            // each id as what it names; one its shop cannot resolve as it stands
            return content.render(span -> {
                String named = refText(span.ref());
                return "{" + (named == null ? span.ref().entityType() + " #" + span.ref().sourceId() + " (nowhere)" : named) + "}";
            });
        }
        if (value instanceof RuleConditions conditions) {
            return conditions.render(item -> item instanceof Ref ref ? refText(ref) : String.valueOf(item));
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(item instanceof Ref ref ? refText(ref) : String.valueOf(item)));
            items.sort(null);
            return items.toString();
        }
        String text = value.toString();
        if (text.isEmpty()) {
            // an empty text and no value are the same to a shop
            return null;
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    /** A reference to an entity type with natural keys that its own shop cannot resolve points nowhere there. */
    private boolean pointsNowhere(Ref ref) {
        return handlers.find(ref.entityType()).isPresent();
    }

    /** Whether a child row's column points at something its shop does not have, so that the row is not written. */
    private boolean pointsNowhere(TableShape shape, String column, Object value) {
        if (value instanceof Ref ref) {
            return ref.naturalKey() == null && pointsNowhere(ref) && ref.missing() != Ref.Missing.EMPTY
                    && ref.missing() != Ref.Missing.ZERO;
        }
        if (value instanceof RawValue raw && !shape.hasValues()) {
            return switch (shape.kindOf(column)) {
                case WEBSITE, STORE, CUSTOMER_GROUP, ATTRIBUTE, ENTITY_TYPE, LINK_TYPE, LINK_ATTRIBUTE -> true;
                case ATTRIBUTE_SET, TAX_CLASS -> !"0".equals(raw.raw());
                default -> false;
            };
        }
        return false;
    }

    private String refText(Ref ref) {
        if (ref.naturalKey() != null) {
            return ref.entityType() + " " + ref.naturalKey();
        }
        if (pointsNowhere(ref)) {
            return null;
        }
        if (registered == null) {
            return ref.entityType() + " #" + ref.sourceId();
        }
        Long target = registered.of(ref.entityType(), ref.sourceId());
        return ref.entityType() + (target == null ? " not registered (source #" + ref.sourceId() + ")" : " #" + target);
    }

    private static TableShape shapeOf(TableShape shape, String childName) {
        for (TableShape child : shape.children()) {
            TableShape found = child.name().equals(childName) ? child : shapeOf(child, childName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The row of the same record a column points at, by its content. */
    private String childText(ChildRef ref, List<Record> owners, int depth) {
        if (depth >= MAX_DEPTH) {
            return ref.child();
        }
        for (Record owner : owners) {
            for (Record child : owner.children(ref.child())) {
                String value = ref.column() == null ? child.sourceId() : child.text(ref.column());
                if (ref.value().equals(value)) {
                    TableShape shape = shapeOf(handler.shape(), ref.child());
                    List<Record> targetOwners = new ArrayList<>();
                    targetOwners.add(child);
                    targetOwners.addAll(owners);
                    ComparableForm target = shape == null ? null : form(child, shape, targetOwners, ref.child(), depth + 1);
                    return target == null ? ref.child() : "-> " + target.text();
                }
            }
        }
        return ref.child() + " (not in the record)";
    }
}
