package org.maho.datasync.mapping;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.maho.datasync.db.DatabaseUnavailableException;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.model.LinkAttributeRef;
import org.maho.datasync.model.TaxClassRef;

/**
 * One shop's shop-local ids and the codes that identify them across shops: entity types, attributes,
 * options, attribute sets, websites, stores, customer groups and regions. Loaded once per run; every
 * mapping between two shops goes through two of these.
 */
public final class ShopMetadata {

    public record EntityType(int id, String code, int defaultAttributeSetId) {}

    public record Attribute(int id, String entityTypeCode, String code, String backendType, String frontendInput,
                            String sourceModel, String defaultValue) {
        public boolean isStatic() {
            return "static".equals(backendType);
        }
    }

    public record Store(int id, String code, int websiteId, int groupId) {}

    public record StoreGroup(int id, int websiteId, int defaultStoreId, long rootCategoryId) {}

    public record Website(int id, String code, int defaultGroupId, boolean isDefault) {}

    public record Region(int id, String countryId, String code, String name) {}

    private final Map<String, EntityType> entityTypes = new HashMap<>();
    private final Map<String, Map<String, Attribute>> attributesByType = new HashMap<>();
    private final Map<Integer, Attribute> attributesById = new HashMap<>();
    private final Map<Integer, Map<Long, String>> optionLabels = new HashMap<>();
    private final Map<Integer, Map<String, Long>> optionIdsByLabel = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> attributeSetNames = new HashMap<>();
    private final Map<Integer, Website> websites = new LinkedHashMap<>();
    private final Map<Integer, Store> stores = new LinkedHashMap<>();
    private final Map<Integer, StoreGroup> storeGroups = new LinkedHashMap<>();
    private final Map<Integer, String> customerGroups = new LinkedHashMap<>();
    private final Map<Integer, Region> regions = new HashMap<>();
    private final Map<String, Integer> regionIdsByCode = new HashMap<>();
    private final Map<String, Integer> regionIdsByName = new HashMap<>();
    private final Map<Integer, String> entityTypeCodes = new HashMap<>();
    private final Map<Integer, String> linkTypes = new HashMap<>();
    private final Map<Integer, LinkAttributeRef> linkAttributes = new HashMap<>();
    private final Map<Integer, TaxClassRef> taxClasses = new HashMap<>();

    private ShopMetadata() {}

    /** A shop's metadata, loaded once and kept with its database until {@link #reload} (or another forgetting). */
    public static ShopMetadata of(ShopDatabase shop) {
        return shop.cached("metadata", () -> {
            try (Connection connection = shop.connection()) {
                return load(connection, shop::table, shop::modelAlias);
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot read the shop configuration of the " + shop.role() + " database "
                        + shop.settings().describe() + ": " + ShopDatabase.rootMessage(e), e);
            }
        });
    }

    /** Forgets a shop's metadata, after this tool changed it (new options, attributes, sets, stores). */
    public static void reload(ShopDatabase shop) {
        shop.forgetCached();
    }

    public static ShopMetadata load(Connection connection, UnaryOperator<String> table) throws SQLException {
        return load(connection, table, UnaryOperator.identity());
    }

    /** @param model OpenMage's alias for a source model the shop names */
    public static ShopMetadata load(Connection connection, UnaryOperator<String> table, UnaryOperator<String> model) throws SQLException {
        ShopMetadata shop = new ShopMetadata();
        try (Statement statement = connection.createStatement()) {
            Map<Integer, String> typeCodes = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT entity_type_id, entity_type_code, default_attribute_set_id FROM "
                    + table.apply("eav_entity_type"))) {
                while (rows.next()) {
                    EntityType type = new EntityType(rows.getInt(1), rows.getString(2), rows.getInt(3));
                    shop.entityTypes.put(type.code(), type);
                    typeCodes.put(type.id(), type.code());
                    shop.entityTypeCodes.put(type.id(), type.code());
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT attribute_id, entity_type_id, attribute_code, backend_type,"
                    + " frontend_input, source_model, default_value FROM " + table.apply("eav_attribute"))) {
                while (rows.next()) {
                    String typeCode = typeCodes.get(rows.getInt(2));
                    if (typeCode == null) {
                        continue;
                    }
                    Attribute attribute = new Attribute(rows.getInt(1), typeCode, rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6) == null ? null : model.apply(rows.getString(6)), rows.getString(7));
                    shop.attributesById.put(attribute.id(), attribute);
                    shop.attributesByType.computeIfAbsent(typeCode, k -> new LinkedHashMap<>()).put(attribute.code(), attribute);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT o.option_id, o.attribute_id, v.value FROM "
                    + table.apply("eav_attribute_option") + " o LEFT JOIN " + table.apply("eav_attribute_option_value")
                    + " v ON v.option_id = o.option_id AND v.store_id = 0 ORDER BY o.option_id")) {
                while (rows.next()) {
                    long optionId = rows.getLong(1);
                    int attributeId = rows.getInt(2);
                    String label = rows.getString(3);
                    shop.optionLabels.computeIfAbsent(attributeId, k -> new HashMap<>()).put(optionId, label);
                    if (label != null) {
                        shop.optionIdsByLabel.computeIfAbsent(attributeId, k -> new HashMap<>())
                                .putIfAbsent(normalize(label), optionId);
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT attribute_set_id, entity_type_id, attribute_set_name FROM "
                    + table.apply("eav_attribute_set"))) {
                while (rows.next()) {
                    shop.attributeSetNames.computeIfAbsent(rows.getInt(2), k -> new HashMap<>())
                            .put(rows.getInt(1), rows.getString(3));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT website_id, code, default_group_id, is_default FROM "
                    + table.apply("core_website") + " ORDER BY website_id")) {
                while (rows.next()) {
                    Website website = new Website(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4) == 1);
                    shop.websites.put(website.id(), website);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT group_id, website_id, default_store_id, root_category_id FROM "
                    + table.apply("core_store_group") + " ORDER BY group_id")) {
                while (rows.next()) {
                    StoreGroup group = new StoreGroup(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getLong(4));
                    shop.storeGroups.put(group.id(), group);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT store_id, code, website_id, group_id FROM "
                    + table.apply("core_store") + " ORDER BY store_id")) {
                while (rows.next()) {
                    Store store = new Store(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4));
                    shop.stores.put(store.id(), store);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT customer_group_id, customer_group_code FROM "
                    + table.apply("customer_group") + " ORDER BY customer_group_id")) {
                while (rows.next()) {
                    shop.customerGroups.put(rows.getInt(1), rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT region_id, country_id, code, default_name FROM "
                    + table.apply("directory_country_region"))) {
                while (rows.next()) {
                    Region region = new Region(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4));
                    shop.regions.put(region.id(), region);
                    if (region.code() != null) {
                        shop.regionIdsByCode.putIfAbsent(regionKey(region.countryId(), region.code()), region.id());
                    }
                    if (region.name() != null) {
                        shop.regionIdsByName.putIfAbsent(regionKey(region.countryId(), region.name()), region.id());
                    }
                }
            }
            java.util.Set<String> tables = new java.util.HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.contains(table.apply("tax_class"))) {
                try (ResultSet rows = statement.executeQuery("SELECT class_id, class_name, class_type FROM " + table.apply("tax_class"))) {
                    while (rows.next()) {
                        shop.taxClasses.put(rows.getInt(1), new TaxClassRef(rows.getString(2), rows.getString(3)));
                    }
                }
            }
            if (tables.contains(table.apply("catalog_product_link_type"))) {
                try (ResultSet rows = statement.executeQuery("SELECT link_type_id, code FROM " + table.apply("catalog_product_link_type"))) {
                    while (rows.next()) {
                        shop.linkTypes.put(rows.getInt(1), rows.getString(2));
                    }
                }
            }
            if (tables.contains(table.apply("catalog_product_link_attribute"))) {
                try (ResultSet rows = statement.executeQuery("SELECT product_link_attribute_id, link_type_id,"
                        + " product_link_attribute_code FROM " + table.apply("catalog_product_link_attribute"))) {
                    while (rows.next()) {
                        shop.linkAttributes.put(rows.getInt(1), new LinkAttributeRef(shop.linkTypes.get(rows.getInt(2)), rows.getString(3)));
                    }
                }
            }
        }
        return shop;
    }

    static String normalize(String label) {
        return label.trim().toLowerCase(Locale.ROOT);
    }

    private static String regionKey(String country, String codeOrName) {
        return (country == null ? "" : country.toUpperCase(Locale.ROOT)) + "/" + normalize(codeOrName);
    }

    // entity types and attributes

    public Optional<EntityType> entityType(String code) {
        return Optional.ofNullable(entityTypes.get(code));
    }

    public EntityType requireEntityType(String code) {
        return entityType(code).orElseThrow(() -> new IllegalStateException("The shop has no EAV entity type '" + code + "'"));
    }

    public Optional<Attribute> attribute(String entityTypeCode, String attributeCode) {
        return Optional.ofNullable(attributesByType.getOrDefault(entityTypeCode, Map.of()).get(attributeCode));
    }

    public Collection<Attribute> attributes(String entityTypeCode) {
        return attributesByType.getOrDefault(entityTypeCode, Map.of()).values();
    }

    public Attribute attributeById(int attributeId) {
        return attributesById.get(attributeId);
    }

    // options

    /** The admin label of an option, or null when the id is not an option of that attribute. */
    public String optionLabel(Attribute attribute, long optionId) {
        return optionLabels.getOrDefault(attribute.id(), Map.of()).get(optionId);
    }

    public boolean isOption(Attribute attribute, long optionId) {
        return optionLabels.getOrDefault(attribute.id(), Map.of()).containsKey(optionId);
    }

    public Optional<Long> optionId(Attribute attribute, String label) {
        return Optional.ofNullable(optionIdsByLabel.getOrDefault(attribute.id(), Map.of()).get(normalize(label)));
    }

    public boolean hasOptions(Attribute attribute) {
        return optionLabels.containsKey(attribute.id());
    }

    // attribute sets

    public Optional<String> attributeSetName(String entityTypeCode, int attributeSetId) {
        EntityType type = entityTypes.get(entityTypeCode);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(attributeSetNames.getOrDefault(type.id(), Map.of()).get(attributeSetId));
    }

    public Optional<Integer> attributeSetId(String entityTypeCode, String name) {
        EntityType type = entityTypes.get(entityTypeCode);
        if (type == null) {
            return Optional.empty();
        }
        return attributeSetNames.getOrDefault(type.id(), Map.of()).entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().equalsIgnoreCase(name))
                .map(Map.Entry::getKey).findFirst();
    }

    // websites, stores, groups

    public Optional<Website> website(int websiteId) {
        return Optional.ofNullable(websites.get(websiteId));
    }

    public Collection<Website> websites() {
        return websites.values();
    }

    public Optional<Website> websiteByCode(String code) {
        return websites.values().stream().filter(w -> w.code() != null && w.code().equalsIgnoreCase(code)).findFirst();
    }

    /** The website a shop marks as default, else the first one that is not admin. */
    public Optional<Website> defaultWebsite() {
        return websites.values().stream().filter(Website::isDefault).findFirst()
                .or(() -> websites.values().stream().filter(w -> w.id() != 0).findFirst());
    }

    public Optional<StoreGroup> storeGroup(int groupId) {
        return Optional.ofNullable(storeGroups.get(groupId));
    }

    public Optional<Store> store(int storeId) {
        return Optional.ofNullable(stores.get(storeId));
    }

    public Optional<Store> storeByCode(String code) {
        return stores.values().stream().filter(s -> s.code() != null && s.code().equalsIgnoreCase(code)).findFirst();
    }

    public Collection<Store> stores() {
        return stores.values();
    }

    /** The default store view of a website, through its default store group. */
    public Optional<Store> defaultStore(int websiteId) {
        Website website = websites.get(websiteId);
        if (website == null) {
            return Optional.empty();
        }
        StoreGroup group = storeGroups.get(website.defaultGroupId());
        if (group != null && stores.containsKey(group.defaultStoreId())) {
            return Optional.of(stores.get(group.defaultStoreId()));
        }
        return stores.values().stream().filter(s -> s.websiteId() == websiteId).findFirst();
    }

    public Optional<String> customerGroupCode(int groupId) {
        return Optional.ofNullable(customerGroups.get(groupId));
    }

    public Optional<Integer> customerGroupId(String code) {
        return customerGroups.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(code))
                .map(Map.Entry::getKey).findFirst();
    }

    // regions

    public Optional<Region> region(int regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    public Optional<String> entityTypeCode(int entityTypeId) {
        return Optional.ofNullable(entityTypeCodes.get(entityTypeId));
    }

    public Optional<String> linkTypeCode(int linkTypeId) {
        return Optional.ofNullable(linkTypes.get(linkTypeId));
    }

    public Optional<Integer> linkTypeId(String code) {
        return linkTypes.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst();
    }

    public Optional<LinkAttributeRef> linkAttribute(int id) {
        return Optional.ofNullable(linkAttributes.get(id));
    }

    public Optional<Integer> linkAttributeId(LinkAttributeRef ref) {
        return linkAttributes.entrySet().stream().filter(e -> e.getValue().equals(ref)).map(Map.Entry::getKey).findFirst();
    }

    public Optional<TaxClassRef> taxClass(int id) {
        return Optional.ofNullable(taxClasses.get(id));
    }

    public Optional<Integer> taxClassId(TaxClassRef ref) {
        return taxClasses.entrySet().stream().filter(e -> e.getValue().name().equalsIgnoreCase(ref.name())
                && (ref.type() == null || ref.type().equalsIgnoreCase(e.getValue().type()))).map(Map.Entry::getKey).findFirst();
    }

    public Collection<Region> regions() {
        return regions.values();
    }

    /** A region by country and code, else by country and name. */
    public Optional<Integer> regionId(String countryId, String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        Integer byCode = regionIdsByCode.get(regionKey(countryId, codeOrName));
        return Optional.ofNullable(byCode != null ? byCode : regionIdsByName.get(regionKey(countryId, codeOrName)));
    }

    public List<String> websiteCodes() {
        List<String> codes = new ArrayList<>();
        websites.values().forEach(w -> codes.add(w.code()));
        return codes;
    }
}
