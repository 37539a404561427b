package org.maho.datasync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maho.datasync.mapping.ShopMetadata.Attribute;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.LinkAttributeRef;
import org.maho.datasync.model.OptionRef;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RefSpec;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.ScopeRef;
import org.maho.datasync.model.TaxClassRef;
import org.maho.datasync.model.TextWithRefs;
import org.maho.datasync.model.ValueKind;

/**
 * Turns shop-local values into portable ones (codes, labels) on the way in, and portable values into the
 * destination's ids on the way out. One mapper serves every entity: what a value refers to is decided by
 * {@link ValueKind#ofColumn} and {@link #kindOfAttribute}, never by the entity.
 */
public final class ValueMapper {

    private static final Map<String, ValueKind> SOURCE_MODEL_KINDS = Map.of(
            "eav/entity_attribute_source_table", ValueKind.OPTION,
            "customer/entity_address_attribute_source_region", ValueKind.REGION,
            "customer/customer_attribute_source_group", ValueKind.CUSTOMER_GROUP,
            "customer/customer_attribute_source_store", ValueKind.STORE,
            "customer/customer_attribute_source_website", ValueKind.WEBSITE,
            "tax/class_source_product", ValueKind.TAX_CLASS);

    /** Attributes whose values are another entity's id, by source model: a category's landing page is a CMS block. */
    private static final Map<String, RefSpec> REFERENCE_SOURCE_MODELS = Map.of(
            "catalog/category_attribute_source_page", new RefSpec("cms_block", Ref.Missing.EMPTY));

    /** Receives what could not be mapped exactly but did not make a record invalid. */
    public interface Warnings {
        void warn(String message);
    }

    /**
     * A portable value the destination has no counterpart for. When {@link #dropsRow()}, the row holding it is
     * left out with a warning (an optional reference); otherwise the record is invalid.
     */
    public static final class UnmappedValueException extends Exception {
        private final boolean dropsRow;
        private final boolean later;

        public UnmappedValueException(String message) {
            this(message, false);
        }

        public UnmappedValueException(String message, boolean dropsRow) {
            this(message, dropsRow, false);
        }

        UnmappedValueException(String message, boolean dropsRow, boolean later) {
            super(message);
            this.dropsRow = dropsRow;
            this.later = later;
        }

        public boolean dropsRow() {
            return dropsRow;
        }

        /** The row is left out for now: the record goes through again once what it refers to is written. */
        public boolean later() {
            return later;
        }
    }

    /** Destination ids of the references resolved for the batch (registry, then natural key); null when unknown. */
    public interface References {
        Long resolve(Ref ref);

        /** Whether the reference is to a record of this run not written yet, which a later pass links. */
        boolean later(Ref ref);
    }

    private final ShopMetadata source;
    private final ShopMetadata destination;
    private final Warnings warnings;
    private final References references;
    private final RuleConditionMapping ruleConditions = new RuleConditionMapping(this);

    /** @param source the shop the ids come from; for CSV input that is the destination itself */
    public ValueMapper(ShopMetadata source, ShopMetadata destination, Warnings warnings, References references) {
        this.source = source;
        this.destination = destination;
        this.warnings = warnings;
        this.references = references;
    }

    public ShopMetadata source() {
        return source;
    }

    public ShopMetadata destination() {
        return destination;
    }

    public Warnings warnings() {
        return warnings;
    }

    public static ValueKind kindOfAttribute(Attribute attribute) {
        if (attribute.isStatic()) {
            return ValueKind.ofColumn(attribute.code());
        }
        if (referenceOf(attribute) != null) {
            return ValueKind.REFERENCE;
        }
        String model = attribute.sourceModel() == null ? "" : attribute.sourceModel();
        ValueKind byModel = SOURCE_MODEL_KINDS.get(model);
        if (byModel == ValueKind.OPTION && "multiselect".equals(attribute.frontendInput())) {
            return ValueKind.OPTIONS;
        }
        if (byModel != null) {
            return byModel;
        }
        if (model.isEmpty() && "multiselect".equals(attribute.frontendInput())) {
            return ValueKind.OPTIONS;
        }
        if (model.isEmpty() && "select".equals(attribute.frontendInput()) && !"static".equals(attribute.backendType())) {
            return ValueKind.OPTION;
        }
        return ValueKind.PLAIN;
    }

    /** What an attribute's values refer to, when they are another entity's ids; null otherwise. */
    public static RefSpec referenceOf(Attribute attribute) {
        return attribute.sourceModel() == null ? null : REFERENCE_SOURCE_MODELS.get(attribute.sourceModel());
    }

    // source side

    /**
     * The portable form of a source value.
     *
     * @param where names the value in warnings, "customer.gender"
     */
    public Object toPortable(ValueKind kind, String raw, String entityTypeCode, Attribute attribute, String where) {
        if (raw == null) {
            return null;
        }
        switch (kind) {
            case WEBSITE:
                return source.website(parseInt(raw)).<Object>map(ShopMetadata.Website::code).orElseGet(() -> unknown(raw));
            case STORE:
                return source.store(parseInt(raw)).<Object>map(ShopMetadata.Store::code).orElseGet(() -> unknown(raw));
            case CUSTOMER_GROUP:
                return source.customerGroupCode(parseInt(raw)).<Object>map(c -> c).orElseGet(() -> unknown(raw));
            case ATTRIBUTE_SET:
                // 0 is how OpenMage stores "no set" on customers and addresses: it means the same everywhere
                if ("0".equals(raw)) {
                    return new RawValue(raw);
                }
                return source.attributeSetName(entityTypeCode, parseInt(raw)).<Object>map(n -> n)
                        .orElseGet(() -> unknown(raw));
            case OPTION:
                return optionLabel(attribute, raw, where);
            case OPTIONS:
                if (raw.isBlank()) {
                    return List.of();
                }
                List<Object> labels = new ArrayList<>();
                for (String part : raw.split(",")) {
                    Object label = optionLabel(attribute, part.trim(), where);
                    if (label != null) {
                        labels.add(label);
                    }
                }
                return labels.isEmpty() ? null : labels;
            case REGION:
                return source.region(parseInt(raw)).<Object>map(r -> new RegionRef(r.countryId(), r.code(), r.name()))
                        .orElseGet(() -> unknown(raw));
            case REFERENCE:
                throw new IllegalArgumentException("a reference needs its RefSpec: use RefSpec.of");
            case ATTRIBUTE: {
                ShopMetadata.Attribute referenced = source.attributeById(parseInt(raw));
                return referenced == null ? unknown(raw) : new AttributeRef(referenced.entityTypeCode(), referenced.code());
            }
            case ENTITY_TYPE:
                return source.entityTypeCode(parseInt(raw)).<Object>map(c -> c).orElseGet(() -> unknown(raw));
            case LINK_TYPE:
                return source.linkTypeCode(parseInt(raw)).<Object>map(c -> c).orElseGet(() -> unknown(raw));
            case LINK_ATTRIBUTE:
                return source.linkAttribute(parseInt(raw)).<Object>map(c -> c).orElseGet(() -> unknown(raw));
            case TAX_CLASS:
                if ("0".equals(raw)) {
                    return new RawValue(raw);
                }
                return source.taxClass(parseInt(raw)).<Object>map(c -> c).orElseGet(() -> unknown(raw));
            case RULE_CONDITIONS:
                return ruleConditions.toPortable(raw, where);
            default:
                return raw;
        }
    }

    /** The categories a price rule's serialized conditions name, read without a warning (the reading of the rule warns). */
    public List<Ref> ruleConditionCategories(String raw) {
        return raw == null || raw.isBlank() ? List.of() : ruleConditions.categories(raw);
    }

    private Object optionLabel(Attribute attribute, String raw, String where) {
        Long id = parseLong(raw);
        if (id != null && source.isOption(attribute, id)) {
            String label = source.optionLabel(attribute, id);
            if (label != null) {
                return label;
            }
        }
        // the source shop shows no value for it: copying the number would invent one where it is another option's id
        warnings.warn(where + ": value " + raw + " is not an option of " + attribute.code() + " at the source, which shows no"
                + " value for it; not copied");
        return null;
    }

    /** A reference the source shop cannot resolve: carried raw, and the destination side rejects it with a reason. */
    private static RawValue unknown(String raw) {
        return new RawValue(raw);
    }

    // destination side

    /** The destination's raw value for a portable one; a reference the destination lacks is an error. */
    public String toDestination(ValueKind kind, Object portable, String entityTypeCode, Attribute destAttribute)
            throws UnmappedValueException {
        if (portable == null) {
            return null;
        }
        if (portable instanceof RawValue rawValue) {
            // an option id the source does not know is carried as it is (the run warned); a website, store,
            // group or region id the source does not know points nowhere, on either shop; a reference's raw 0 is "none",
            // a tax rate's region 0 is every region of its country
            if (kind == ValueKind.PLAIN || kind == ValueKind.OPTION || kind == ValueKind.OPTIONS || kind == ValueKind.REFERENCE
                    || ((kind == ValueKind.ATTRIBUTE_SET || kind == ValueKind.TAX_CLASS || kind == ValueKind.REGION)
                    && "0".equals(rawValue.raw()))) {
                return rawValue.raw();
            }
            if (kind == ValueKind.REGION) {
                warnings.warn(entityTypeCode + ".region_id: " + rawValue.raw() + " is not a region of the source shop's"
                        + " directory; the address keeps the region name only");
                return null;
            }
            throw new UnmappedValueException(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " id " + rawValue.raw() + " does not exist in the source shop", true);
        }
        switch (kind) {
            // a child row for a website, store or group the destination lacks (a tier price, an option label) is left
            // out with a warning; a record's own reference to one makes it invalid
            case WEBSITE:
                return String.valueOf(destination.websiteByCode(portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("unknown website '" + portable + "' (the destination has "
                                + String.join(", ", destination.websiteCodes()) + ")", true)).id());
            case STORE:
                return String.valueOf(destination.storeByCode(portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("unknown store '" + portable + "'", true)).id());
            case CUSTOMER_GROUP:
                return String.valueOf(destination.customerGroupId(portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("unknown customer group '" + portable + "'", true)));
            case ATTRIBUTE_SET:
                return String.valueOf(destination.attributeSetId(entityTypeCode, portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("unknown attribute set '" + portable + "'")));
            case OPTION:
                return String.valueOf(destinationOption(destAttribute, portable));
            case OPTIONS:
                List<String> ids = new ArrayList<>();
                for (Object label : (List<?>) portable) {
                    ids.add(label instanceof RawValue raw ? raw.raw() : String.valueOf(destinationOption(destAttribute, label)));
                }
                return String.join(",", ids);
            case REGION:
                RegionRef region = (RegionRef) portable;
                Optional<Integer> id = destination.regionId(region.countryId(), region.code());
                if (id.isEmpty()) {
                    id = destination.regionId(region.countryId(), region.name());
                }
                if (id.isEmpty()) {
                    warnings.warn(entityTypeCode + ".region_id: region " + region
                            + " is not in the destination's directory; the address keeps the region name only");
                    return null;
                }
                return String.valueOf(id.get());
            case REFERENCE:
                return reference(portable, entityTypeCode);
            case CONTENT, PATH:
                return portable instanceof TextWithRefs text ? content(text, entityTypeCode) : portable.toString();
            case SCOPE:
                return portable instanceof ScopeRef scope ? scopeId(scope) : portable.toString();
            case RULE_CONDITIONS:
                return portable instanceof RuleConditions conditions ? ruleConditions.toDestination(conditions, entityTypeCode)
                        : portable.toString();
            case ATTRIBUTE: {
                AttributeRef ref = (AttributeRef) portable;
                return String.valueOf(destination.attribute(ref.entityTypeCode(), ref.code())
                        .orElseThrow(() -> new UnmappedValueException(ref.entityTypeCode() + " attribute '" + ref.code()
                                + "' does not exist on the destination (sync its attribute definitions first)", true)).id());
            }
            case OPTION_REF: {
                OptionRef ref = (OptionRef) portable;
                ShopMetadata.Attribute attribute = destination.attribute(ref.attribute().entityTypeCode(), ref.attribute().code())
                        .orElseThrow(() -> new UnmappedValueException("attribute '" + ref.attribute().code()
                                + "' does not exist on the destination"));
                return String.valueOf(destinationOption(attribute, ref.label()));
            }
            case ENTITY_TYPE:
                return String.valueOf(destination.entityType(portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("entity type '" + portable + "' does not exist on the destination")).id());
            case LINK_TYPE:
                return String.valueOf(destination.linkTypeId(portable.toString())
                        .orElseThrow(() -> new UnmappedValueException("product link type '" + portable + "' does not exist on the destination", true)));
            case LINK_ATTRIBUTE:
                return String.valueOf(destination.linkAttributeId((LinkAttributeRef) portable)
                        .orElseThrow(() -> new UnmappedValueException("product link attribute '" + portable + "' does not exist on the destination", true)));
            case TAX_CLASS:
                return String.valueOf(destination.taxClassId((TaxClassRef) portable)
                        .orElseThrow(() -> new UnmappedValueException("tax class '" + portable + "' does not exist on the destination")));
            default:
                return portable.toString();
        }
    }

    /**
     * A reference's destination id; one the destination lacks does to its row what the reference says.
     *
     * @param where the column, "sales_flat_order_item.product_id", for the warning of a reference left empty
     */
    public String reference(Object portable, String where) throws UnmappedValueException {
        if (portable == null) {
            return null;
        }
        if (portable instanceof List<?> list) {
            List<String> ids = new ArrayList<>();
            for (Object item : list) {
                String id = reference(item, where);
                if (id != null) {
                    ids.add(id);
                }
            }
            return String.join(",", ids);
        }
        if (!(portable instanceof Ref ref)) {
            return portable instanceof RawValue raw ? raw.raw() : portable.toString();
        }
        Long resolved = references.resolve(ref);
        if (resolved != null) {
            return String.valueOf(resolved);
        }
        String reason = ref + " does not exist on the destination";
        boolean later = references.later(ref);
        switch (ref.missing()) {
            case EMPTY, ZERO:
                if (!later) {
                    // one line per column, not per missing entity: a shop's deleted products would fill the report
                    warnings.warn(where + ": points at a " + ref.entityType() + " the destination does not have; left empty");
                }
                return ref.missing() == Ref.Missing.ZERO ? "0" : null;
            case DROP_ROW:
                throw new UnmappedValueException(reason, true, later);
            default:
                throw new UnmappedValueException(reason, false, later);
        }
    }

    private String scopeId(ScopeRef scope) throws UnmappedValueException {
        if (scope.code() == null) {
            return "0";
        }
        java.util.Optional<Integer> id = "websites".equals(scope.scope())
                ? destination.websiteByCode(scope.code()).map(ShopMetadata.Website::id)
                : destination.storeByCode(scope.code()).map(ShopMetadata.Store::id);
        return String.valueOf(id.orElseThrow(() -> new UnmappedValueException(("websites".equals(scope.scope()) ? "website '"
                : "store '") + scope.code() + "' does not exist on the destination (sync store first)")));
    }

    /** The text with the destination's ids; an id the destination cannot resolve stays as the source has it. */
    private String content(TextWithRefs text, String where) {
        return text.render(span -> {
            Long resolved = references.resolve(span.ref());
            if (resolved != null) {
                return String.valueOf(resolved);
            }
            if (!references.later(span.ref())) {
                warnings.warn(where + ": a directive names a " + span.ref().entityType() + " the destination does not have;"
                        + " its id is left as the source has it");
            }
            return span.ref().sourceId();
        });
    }

    private long destinationOption(Attribute destAttribute, Object label) throws UnmappedValueException {
        if (label instanceof RawValue raw) {
            return Long.parseLong(raw.raw());
        }
        return destination.optionId(destAttribute, label.toString()).orElseThrow(() -> new UnmappedValueException(
                "option '" + label + "' of attribute " + destAttribute.code() + " does not exist on the destination"));
    }

    private static int parseInt(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static Long parseLong(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
