package org.maho.datasync.model;

/** What a value refers to, which decides how it is mapped between two shops. */
public enum ValueKind {
    /** A value that means the same in every shop: text, numbers, dates, country codes. */
    PLAIN,
    /** A website id, carried as the website code. */
    WEBSITE,
    /** A store view id, carried as the store code. */
    STORE,
    /** A customer group id, carried as the group code. */
    CUSTOMER_GROUP,
    /** An attribute set id, carried as the set name. */
    ATTRIBUTE_SET,
    /** A select option id, carried as the option's admin label. */
    OPTION,
    /** Comma-separated option ids of a multiselect, carried as a list of admin labels. */
    OPTIONS,
    /** A directory region id, carried as country and region code. */
    REGION,
    /** The id of one of the record's own children (a customer's default billing address): carried as the child's source id. */
    CHILD,
    /** Another entity's id (a product, a category, a customer, an order), carried as a {@link Ref}; see {@link RefSpec}. */
    REFERENCE,
    /** The id of something DataSync does not sync (a quote, a gift message): not copied, left as the destination has it. */
    NOT_COPIED,
    /** An attribute id, carried as an {@link AttributeRef}: entity type and attribute code. */
    ATTRIBUTE,
    /** An option id of an attribute named elsewhere in the row, carried as an {@link OptionRef}. */
    OPTION_REF,
    /** An entity type id, carried as the entity type code. */
    ENTITY_TYPE,
    /** A product link type id, carried as its code (relation, super, up_sell, cross_sell). */
    LINK_TYPE,
    /** A product link attribute id, carried as a {@link LinkAttributeRef}. */
    LINK_ATTRIBUTE,
    /** A tax class id, carried as a {@link TaxClassRef}: name and type. */
    TAX_CLASS,
    /** A text whose directives name other entities by id (CMS content), carried as a {@link TextWithRefs}. */
    CONTENT,
    /** A URL path that names entities by id (a rewrite's id_path and target_path), carried as a {@link TextWithRefs}. */
    PATH,
    /** A configuration value's scope id, carried as a {@link ScopeRef}: the website or store code. */
    SCOPE,
    /** A price rule's serialized conditions or actions, carried as {@link RuleConditions}: the ids in their values mapped. */
    RULE_CONDITIONS;

    /** Columns that hold the same kind of reference in every OpenMage entity table. */
    private static final java.util.Map<String, ValueKind> COLUMN_KINDS = java.util.Map.of(
            "website_id", WEBSITE,
            "store_id", STORE,
            "group_id", CUSTOMER_GROUP,
            "customer_group_id", CUSTOMER_GROUP,
            "attribute_set_id", ATTRIBUTE_SET);

    /** The kind of a column by its name alone: a website_id is a website wherever it stands. */
    public static ValueKind ofColumn(String column) {
        return COLUMN_KINDS.getOrDefault(column, PLAIN);
    }
}
