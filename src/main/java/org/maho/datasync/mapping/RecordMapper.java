package org.maho.datasync.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Maps a portable record onto its destination tables, child records included: each field becomes a column
 * of the row's table or an attribute value, by code, with references turned into destination ids. What cannot
 * be mapped makes the record invalid, or (an optional reference) leaves its row out with a warning; what the
 * destination has no place for is reported.
 */
public final class RecordMapper {

    private RecordMapper() {}

    /** Maps the record and its children; each gets its {@link DestinationForm} through {@link Record#mapped}. */
    public static void map(ValueMapper mapper, ShopDatabase destination, TableShape shape, Record record,
                           Set<String> childReferenceFields) {
        record.mapped(form(mapper, destination, shape, record, childReferenceFields));
        for (TableShape child : shape.children()) {
            List<Record> children = record.children(child.name());
            if (!children.isEmpty() && !destination.hasTable(child.table())) {
                mapper.warnings().warn(child.table() + ": the destination has no such table; these rows are not copied");
                record.allChildren().remove(child.name());
                record.completeChildren().remove(child.name());
                continue;
            }
            for (int i = 0; i < children.size(); i++) {
                Record childRecord = children.get(i);
                map(mapper, destination, child, childRecord, Set.of());
                for (Record.Problem problem : childRecord.problems()) {
                    record.reject(child.name() + "[" + (i + 1) + "]" + (problem.field() == null ? "" : "." + problem.field()),
                            problem.reason());
                }
            }
        }
    }

    private static DestinationForm form(ValueMapper mapper, ShopDatabase destination, TableShape shape, Record record,
                                        Set<String> childReferenceFields) {
        DestinationForm form = new DestinationForm(record.fields().size());
        String type = shape.hasValues() ? shape.entityTypeCode() : shape.table();
        Map<String, String> columns = destination.columns(shape.table());
        ShopMetadata shop = ShopMetadata.of(destination);
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            String code = field.getKey();
            Object value = field.getValue();
            if (shape.isStructural(code)) {
                continue;
            }
            if (value instanceof ChildRef childRef) {
                form.childColumns().put(code, childRef);
                continue;
            }
            if (childReferenceFields.contains(code)) {
                if (value != null) {
                    form.childReferences().put(code, value.toString());
                }
                continue;
            }
            ShopMetadata.Attribute attribute = shape.hasValues() ? shop.attribute(type, code).orElse(null) : null;
            try {
                if (columns.containsKey(code) && (attribute == null || attribute.isStatic())) {
                    ValueKind kind = attribute != null ? ValueMapper.kindOfAttribute(attribute) : shape.kindOf(code);
                    form.columns().put(code, kind == ValueKind.REFERENCE ? mapper.reference(value, type + "." + code)
                            : mapper.toDestination(kind, value, type, attribute));
                } else if (attribute != null && !attribute.isStatic()) {
                    String mapped = mapper.toDestination(ValueMapper.kindOfAttribute(attribute), value, type, attribute);
                    if (mapped != null) {
                        form.values().put(new DestinationForm.ValueKey(attribute, 0), mapped);
                    }
                } else {
                    mapper.warnings().warn(type + ": '" + code + "' is not a column" + (shape.hasValues() ? " or attribute" : "")
                            + " on the destination; its values are not copied");
                }
            } catch (ValueMapper.UnmappedValueException e) {
                if (e.dropsRow() && !shape.name().isEmpty()) {
                    if (!e.later()) {
                        mapper.warnings().warn(type + "." + code + ": " + e.getMessage() + "; the row is left out");
                    }
                    form.drop();
                } else {
                    record.reject(code, e.getMessage());
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> scope : record.storeFields().entrySet()) {
            ShopMetadata.Store store = shop.storeByCode(scope.getKey()).orElse(null);
            if (store == null) {
                mapper.warnings().warn(type + ": store '" + scope.getKey() + "' does not exist on the destination;"
                        + " its store-view values are not copied");
                continue;
            }
            for (Map.Entry<String, Object> field : scope.getValue().entrySet()) {
                ShopMetadata.Attribute attribute = shop.attribute(type, field.getKey()).orElse(null);
                if (attribute == null || attribute.isStatic()) {
                    mapper.warnings().warn(type + ": '" + field.getKey() + "' is not an attribute on the destination;"
                            + " its values are not copied");
                    continue;
                }
                try {
                    String mapped = mapper.toDestination(ValueMapper.kindOfAttribute(attribute), field.getValue(), type, attribute);
                    // a shop's NULL row at a store view hides the default value there: it is written as such
                    if (mapped != null || (field.getValue() == null && record.complete())) {
                        form.values().put(new DestinationForm.ValueKey(attribute, store.id()), mapped);
                    }
                } catch (ValueMapper.UnmappedValueException e) {
                    record.reject(field.getKey() + "@" + store.code(), e.getMessage());
                }
            }
        }
        return form;
    }
}
