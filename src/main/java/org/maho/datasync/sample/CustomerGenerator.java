package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * Fills a shop with synthetic customers: 0 to 3 addresses each, values of every EAV backend type, select
 * and multiselect options, several websites, stores and groups. Deterministic for a given seed, and written
 * with multi-row inserts so that 50,000 customers take seconds.
 */
public final class CustomerGenerator {

    private static final String[] FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leon", "Sophie",
            "Hugo", "Clara", "Jonas", "Lena", "Paul", "Chloé", "Felix", "Inès", "Max", "Julia", "Théo", "Nora", "Finn"};
    private static final String[] LAST = {"Schmidt", "Garcia", "Wright", "Taylor", "Weber", "Hall", "Miller", "Müller",
            "Clark", "Lopez", "Anderson", "Fischer", "Young", "Brown", "Dubois", "Lewis", "Hill", "Martin", "Moreau",
            "King", "Wilson", "Lefèvre", "O'Brien"};
    private static final String[] CITIES = {"Springfield", "Berlin", "Paris", "London", "Sydney", "Amsterdam", "Wien"};
    private static final String[] STREETS = {"Main Street", "Hauptstraße", "Rue de la Paix", "High Street",
            "George St", "Keizersgracht", "Ringstraße"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "AU", "NL", "AT"};
    private static final String[] PREFIXES = {"Mr", "Ms", "Dr", "Mrs"};
    private static final int BATCH = 1000;

    private final Connection connection;
    private final ShopMetadata shop;
    private final Random random;
    private final Map<String, List<ShopMetadata.Region>> regionsByCountry = new HashMap<>();
    private final double averageAddresses;

    private CustomerGenerator(Connection connection, ShopMetadata shop, long seed, double averageAddresses) {
        this.connection = connection;
        this.shop = shop;
        this.random = new Random(seed);
        this.averageAddresses = averageAddresses;
    }

    /** Adds {@code count} customers after the shop's existing ones. */
    public static void generate(Connection connection, ShopMetadata shop, int count, long seed) throws SQLException {
        generate(connection, shop, count, seed, 1.25);
    }

    /** @param averageAddresses between 0 and 3: the mean number of addresses per customer */
    public static void generate(Connection connection, ShopMetadata shop, int count, long seed, double averageAddresses)
            throws SQLException {
        new CustomerGenerator(connection, shop, seed, averageAddresses).run(count);
    }

    private void run(int count) throws SQLException {
        for (ShopMetadata.Region region : shop.regions()) {
            regionsByCountry.computeIfAbsent(region.countryId(), k -> new ArrayList<>()).add(region);
        }
        regionsByCountry.values().forEach(list -> list.sort(java.util.Comparator.comparing(ShopMetadata.Region::code)));
        long customerId = maxId("customer_entity") + 1;
        long addressId = maxId("customer_address_entity") + 1;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int done = 0; done < count; done += BATCH) {
                Rows rows = new Rows();
                for (int i = done; i < Math.min(count, done + BATCH); i++) {
                    addressId = customer(rows, customerId++, addressId);
                }
                rows.flush(connection);
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long customer(Rows rows, long id, long nextAddressId) {
        int customerType = shop.requireEntityType("customer").id();
        String first = pick(FIRST);
        String last = pick(LAST);
        boolean wholesale = random.nextInt(100) < 15;
        ShopMetadata.Website website = shop.websiteByCode(wholesale ? "wholesale" : "base").orElseThrow();
        List<ShopMetadata.Store> stores = shop.stores().stream().filter(s -> s.websiteId() == website.id()).toList();
        ShopMetadata.Store store = stores.get(random.nextInt(stores.size()));
        String group = wholesale ? "Wholesale" : pick(new String[] {"General", "General", "Retailer", "VIP"});
        LocalDateTime created = LocalDateTime.of(2024, 1, 1, 8, 0).plusMinutes(id * 7 % 500_000).plusSeconds(id % 60);
        LocalDateTime updated = created.plusDays(random.nextInt(300)).plusSeconds(random.nextInt(3600));
        String email = ascii(first + "." + last).toLowerCase(Locale.ROOT) + "." + id + "@example.com";
        rows.add("customer_entity", "entity_id, entity_type_id, attribute_set_id, website_id, email, group_id,"
                        + " increment_id, store_id, created_at, updated_at, is_active, disable_auto_group_change",
                id, customerType, 0, website.id(), email, shop.customerGroupId(group).orElseThrow(), null, store.id(),
                created, updated, random.nextInt(100) < 95 ? 1 : 0, random.nextInt(100) < 5 ? 1 : 0);
        Values values = new Values(rows, "customer", "customer_entity", customerType, id);
        values.put("firstname", first);
        values.put("lastname", last);
        values.put("created_in", store.code());
        values.put("password_hash", hash(64) + ":" + hash(16));
        values.put("password_created_at", String.valueOf(1_700_000_000 + id));
        if (chance(20)) values.put("prefix", pick(PREFIXES));
        if (chance(15)) values.put("middlename", pick(FIRST));
        if (chance(5)) values.put("suffix", "Jr");
        if (chance(70)) values.put("dob", LocalDateTime.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28), 0, 0));
        if (chance(80)) values.option("gender", random.nextBoolean() ? "Male" : "Female");
        if (chance(10)) values.put("taxvat", "DE" + (100_000_000 + random.nextInt(899_999_999)));
        if (chance(5)) values.put("confirmation", hash(32));
        if (chance(50)) values.put("loyalty_points", String.format(Locale.ROOT, "%d.%02d00", random.nextInt(5000), random.nextInt(100)));
        if (chance(20)) values.put("customer_note", "Größe: " + pick(new String[] {"S", "M", "XL"}) + "\nBitte klingeln — \"2x\"");
        if (chance(60)) values.option("preferred_contact", pick(new String[] {"Email", "Phone", "Post"}));
        if (chance(40)) values.options("interests", random.nextInt(3) + 1);
        if (chance(30)) values.put("member_since", created.plusDays(random.nextInt(30)).withNano(0));
        int addresses = addressCount();
        long addressId = nextAddressId;
        for (int a = 0; a < addresses; a++) {
            address(rows, addressId++, id, first, last, created);
        }
        if (addresses > 0) {
            values.put("default_billing", String.valueOf(nextAddressId));
            values.put("default_shipping", String.valueOf(addresses > 1 && random.nextBoolean() ? nextAddressId + 1 : nextAddressId));
        }
        return addressId;
    }

    private int addressCount() {
        // 0..3 addresses with the requested mean: each of three chances at mean/3
        int count = 0;
        for (int i = 0; i < 3; i++) {
            if (random.nextDouble() < averageAddresses / 3) {
                count++;
            }
        }
        return count;
    }

    private void address(Rows rows, long id, long customerId, String first, String last, LocalDateTime created) {
        int type = shop.requireEntityType("customer_address").id();
        rows.add("customer_address_entity", "entity_id, entity_type_id, attribute_set_id, parent_id, created_at, updated_at, is_active",
                id, type, 0, customerId, created, created.plusHours(1), 1);
        Values values = new Values(rows, "customer_address", "customer_address_entity", type, id);
        values.put("firstname", chance(80) ? first : pick(FIRST));
        values.put("lastname", last);
        if (chance(30)) values.put("company", pick(LAST) + " GmbH");
        String country = pick(COUNTRIES);
        String street = (1 + random.nextInt(200)) + " " + pick(STREETS);
        values.put("street", chance(25) ? street + "\nApt " + (1 + random.nextInt(40)) : street);
        values.put("city", pick(CITIES));
        values.put("country_id", country);
        List<ShopMetadata.Region> regions = regionsByCountry.getOrDefault(country, List.of());
        if (!regions.isEmpty()) {
            ShopMetadata.Region region = regions.get(random.nextInt(regions.size()));
            values.put("region", region.name());
            values.put("region_id", String.valueOf(region.id()));
        }
        values.put("postcode", String.format(Locale.ROOT, "%05d", random.nextInt(99_999)));
        values.put("telephone", "+49 30 " + (1_000_000 + random.nextInt(8_999_999)));
        if (chance(10)) values.put("fax", "+49 30 " + (1_000_000 + random.nextInt(8_999_999)));
        if (chance(5)) values.put("vat_id", "DE" + (100_000_000 + random.nextInt(899_999_999)));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String hash(int length) {
        byte[] bytes = new byte[length / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z.]", "");
    }

    private long maxId(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(entity_id), 0) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Attribute values of one entity, by code, into the right value table. */
    private final class Values {
        private final Rows rows;
        private final String type;
        private final String table;
        private final int typeId;
        private final long entityId;

        Values(Rows rows, String type, String table, int typeId, long entityId) {
            this.rows = rows;
            this.type = type;
            this.table = table;
            this.typeId = typeId;
            this.entityId = entityId;
        }

        void put(String code, Object value) {
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElseThrow();
            rows.add(table + "_" + attribute.backendType(), "entity_type_id, attribute_id, entity_id, value",
                    typeId, attribute.id(), entityId, value);
        }

        void option(String code, String label) {
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElseThrow();
            put(code, String.valueOf(shop.optionId(attribute, label).orElseThrow()));
        }

        void options(String code, int howMany) {
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElseThrow();
            List<String> labels = new ArrayList<>(List.of("Running", "Cooking", "Reading", "Travel", "Music"));
            java.util.Collections.shuffle(labels, random);
            List<String> ids = new ArrayList<>();
            for (String label : labels.subList(0, howMany)) {
                ids.add(String.valueOf(shop.optionId(attribute, label).orElseThrow()));
            }
            put(code, String.join(",", ids));
        }
    }
}
