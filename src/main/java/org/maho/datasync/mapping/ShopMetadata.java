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
import org.maho.datasync.db.TableQuery;
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
            try {
                return load(shop.reader(null), shop::hasTable, shop::modelAlias);
            } catch (SQLException | RuntimeException e) {
                // a remote shop's errors name it already
                throw new DatabaseUnavailableException("Cannot read the shop configuration of the " + shop.role()
                        + (shop.isRemote() ? "" : " database " + shop.describe()) + ": " + ShopDatabase.rootMessage(e), e);
            }
        });
    }

    /** Forgets a shop's metadata, after this tool changed it (new options, attributes, sets, stores). */
    public static void reload(ShopDatabase shop) {
        shop.forgetCached();
    }

    /** A shop's metadata read on a connection, its tables named by {@code table} (a prefix added). */
    public static ShopMetadata load(Connection connection, UnaryOperator<String> table) throws SQLException {
        return load(connection, table, UnaryOperator.identity());
    }

    /** @param model OpenMage's alias for a source model the shop names */
    public static ShopMetadata load(Connection connection, UnaryOperator<String> table, UnaryOperator<String> model) throws SQLException {
        java.util.Set<String> tables = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return load(TableQuery.on(connection, table), name -> tables.contains(table.apply(name)), model);
    }

    /**
     * @param hasTable whether the shop has one of the tables old shops lack
     * @param model    OpenMage's alias for a source model the shop names
     */
    public static ShopMetadata load(TableQuery.Reader shop, java.util.function.Predicate<String> hasTable,
                                    UnaryOperator<String> model) throws SQLException {
        ShopMetadata metadata = new ShopMetadata();
        metadata.read(shop, hasTable, model);
        return metadata;
    }

    private void read(TableQuery.Reader shop, java.util.function.Predicate<String> hasTable, UnaryOperator<String> model)
            throws SQLException {
        shop.select(TableQuery.from("eav_entity_type").columns("entity_type_id", "entity_type_code", "default_attribute_set_id"), row -> {
            EntityType type = new EntityType(integer(row, "entity_type_id"), row.get("entity_type_code"), integer(row, "default_attribute_set_id"));
            entityTypes.put(type.code(), type);
            entityTypeCodes.put(type.id(), type.code());
        });
        shop.select(TableQuery.from("eav_attribute").columns("attribute_id", "entity_type_id", "attribute_code", "backend_type",
                "frontend_input", "source_model", "default_value"), row -> {
            String typeCode = entityTypeCodes.get(integer(row, "entity_type_id"));
            if (typeCode == null) {
                return;
            }
            String sourceModel = row.get("source_model");
            Attribute attribute = new Attribute(integer(row, "attribute_id"), typeCode, row.get("attribute_code"), row.get("backend_type"),
                    row.get("frontend_input"), sourceModel == null ? null : model.apply(sourceModel), row.get("default_value"));
            attributesById.put(attribute.id(), attribute);
            attributesByType.computeIfAbsent(typeCode, k -> new LinkedHashMap<>()).put(attribute.code(), attribute);
        });
        // an option's admin label is its value at store 0; an option without one keeps a null label
        Map<Long, String> adminLabels = new HashMap<>();
        shop.select(TableQuery.from("eav_attribute_option_value").columns("option_id", "value").where("store_id", TableQuery.Op.EQ, 0)
                .orderBy("value_id"), row -> adminLabels.put(Long.valueOf(row.get("option_id")), row.get("value")));
        shop.select(TableQuery.from("eav_attribute_option").columns("option_id", "attribute_id").orderBy("option_id"), row -> {
            long optionId = Long.parseLong(row.get("option_id"));
            int attributeId = integer(row, "attribute_id");
            String label = adminLabels.get(optionId);
            optionLabels.computeIfAbsent(attributeId, k -> new HashMap<>()).put(optionId, label);
            if (label != null) {
                optionIdsByLabel.computeIfAbsent(attributeId, k -> new HashMap<>()).putIfAbsent(normalize(label), optionId);
            }
        });
        shop.select(TableQuery.from("eav_attribute_set").columns("attribute_set_id", "entity_type_id", "attribute_set_name"), row ->
                attributeSetNames.computeIfAbsent(integer(row, "entity_type_id"), k -> new HashMap<>())
                        .put(integer(row, "attribute_set_id"), row.get("attribute_set_name")));
        shop.select(TableQuery.from("core_website").columns("website_id", "code", "default_group_id", "is_default").orderBy("website_id"), row -> {
            Website website = new Website(integer(row, "website_id"), row.get("code"), integer(row, "default_group_id"),
                    integer(row, "is_default") == 1);
            websites.put(website.id(), website);
        });
        shop.select(TableQuery.from("core_store_group").columns("group_id", "website_id", "default_store_id", "root_category_id")
                .orderBy("group_id"), row -> {
            StoreGroup group = new StoreGroup(integer(row, "group_id"), integer(row, "website_id"), integer(row, "default_store_id"),
                    row.get("root_category_id") == null ? 0 : Long.parseLong(row.get("root_category_id")));
            storeGroups.put(group.id(), group);
        });
        shop.select(TableQuery.from("core_store").columns("store_id", "code", "website_id", "group_id").orderBy("store_id"), row -> {
            Store store = new Store(integer(row, "store_id"), row.get("code"), integer(row, "website_id"), integer(row, "group_id"));
            stores.put(store.id(), store);
        });
        shop.select(TableQuery.from("customer_group").columns("customer_group_id", "customer_group_code").orderBy("customer_group_id"),
                row -> customerGroups.put(integer(row, "customer_group_id"), row.get("customer_group_code")));
        shop.select(TableQuery.from("directory_country_region").columns("region_id", "country_id", "code", "default_name"), row -> {
            Region region = new Region(integer(row, "region_id"), row.get("country_id"), row.get("code"), row.get("default_name"));
            regions.put(region.id(), region);
            if (region.code() != null) {
                regionIdsByCode.putIfAbsent(regionKey(region.countryId(), region.code()), region.id());
            }
            if (region.name() != null) {
                regionIdsByName.putIfAbsent(regionKey(region.countryId(), region.name()), region.id());
            }
        });
        if (hasTable.test("tax_class")) {
            shop.select(TableQuery.from("tax_class").columns("class_id", "class_name", "class_type"), row ->
                    taxClasses.put(integer(row, "class_id"), new TaxClassRef(row.get("class_name"), row.get("class_type"))));
        }
        if (hasTable.test("catalog_product_link_type")) {
            shop.select(TableQuery.from("catalog_product_link_type").columns("link_type_id", "code"),
                    row -> linkTypes.put(integer(row, "link_type_id"), row.get("code")));
        }
        if (hasTable.test("catalog_product_link_attribute")) {
            shop.select(TableQuery.from("catalog_product_link_attribute").columns("product_link_attribute_id", "link_type_id",
                    "product_link_attribute_code"), row -> linkAttributes.put(integer(row, "product_link_attribute_id"),
                    new LinkAttributeRef(linkTypes.get(integer(row, "link_type_id")), row.get("product_link_attribute_code"))));
        }
    }

    /** A whole-number column, 0 for NULL as JDBC's getInt reads it. */
    private static int integer(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? 0 : Integer.parseInt(value);
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

    /** Every customer group's code, by id. */
    public java.util.Collection<String> customerGroupCodes() {
        return java.util.Collections.unmodifiableCollection(customerGroups.values());
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
