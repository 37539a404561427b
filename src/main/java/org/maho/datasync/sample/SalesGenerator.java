package org.maho.datasync.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.PhpSerialized;

/**
 * Fills a shop that has customers and products with orders as OpenMage's checkout leaves them: guest and customer
 * orders in every store view, simple, configurable (parent and child item) and bundle items, billing and shipping
 * addresses, a payment, status history and grid rows; invoices, shipments with tracks and credit memos for the
 * orders in those states, with their items, comments and grid rows; and the increment counters. Some items name a
 * product the shop no longer has. Deterministic for a given seed.
 */
public final class SalesGenerator {

    private static final String[] STATES = {"new", "new", "new", "processing", "processing", "complete", "complete",
            "complete", "closed", "canceled"};
    private static final Map<String, String> STATUS = Map.of("new", "pending", "processing", "processing", "complete", "complete",
            "closed", "closed", "canceled", "canceled");
    private static final String[] CARRIERS = {"ups", "fedex", "dhl", "usps"};
    /** A check / money order payment's additional information, as PHP serializes it. */
    private static final String PAYABLE_TO = PhpSerialized.write(Map.of("payable_to", "Shop GmbH"));
    private static final BigDecimal TAX = new BigDecimal("0.10");

    private record Product(long id, String sku, String type, String name) {}

    private record Customer(long id, String email, String firstname, String lastname, int websiteId, int groupId) {}

    /** An order's amounts. */
    private record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal discount, BigDecimal grand) {}

    /** A generated order, what its documents copy from it. */
    private record Placed(long id, String incrementId, ShopMetadata.Store store, List<Item> items, Totals totals,
                          Customer customer, long billing, Long shippingAddress, LocalDateTime at, String name) {}

    /** An order item as generated: its id, what it sells under which sku, its parent item, quantity and row total. */
    private record Item(long id, Product product, String sku, Long parentId, int qty, BigDecimal price, BigDecimal rowTotal) {}

    private final Connection connection;
    private final ShopMetadata shop;
    private final Random random;
    private final Rows rows = new Rows().inOrder("sales_flat_order", "sales_flat_order_item", "sales_flat_order_address",
            "sales_flat_invoice", "sales_flat_shipment", "sales_flat_creditmemo");
    private final List<Product> sellable = new ArrayList<>();
    private final Map<Long, List<Product>> childrenOf = new HashMap<>();
    /** By website: picking an order's customer from all of them was quadratic in a shop of half a million. */
    private final Map<Integer, List<Customer>> customersOf = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private long orderId;
    private long itemId;
    private long addressId;
    private long documentId;
    private long rowId;

    private final List<ShopMetadata.Region> regions;

    private SalesGenerator(Connection connection, ShopMetadata shop, long seed) {
        this.connection = connection;
        this.shop = shop;
        this.regions = shop.regions().stream().filter(r -> "DE".equals(r.countryId()) || "US".equals(r.countryId()))
                .sorted(java.util.Comparator.comparing(ShopMetadata.Region::code)).toList();
        this.random = new Random(seed);
    }

    /** Adds {@code count} orders with their documents after the shop's existing ones. */
    public static void generate(Connection connection, ShopMetadata shop, int count, long seed) throws SQLException {
        new SalesGenerator(connection, shop, seed).run(count);
    }

    private void run(int count) throws SQLException {
        loadCatalogAndCustomers();
        if (sellable.isEmpty()) {
            throw new IllegalStateException("orders need products: generate a catalog first");
        }
        orderId = max("sales_flat_order", "entity_id") + 1;
        itemId = max("sales_flat_order_item", "item_id") + 1;
        addressId = max("sales_flat_order_address", "entity_id") + 1;
        documentId = Math.max(max("sales_flat_invoice", "entity_id"), Math.max(max("sales_flat_shipment", "entity_id"),
                max("sales_flat_creditmemo", "entity_id"))) + 1;
        // one counter for the ids of every child table: above the highest any of them has
        for (String table : List.of("sales_flat_order_status_history", "sales_flat_invoice_item", "sales_flat_invoice_comment",
                "sales_flat_shipment_item", "sales_flat_shipment_track", "sales_flat_shipment_comment", "sales_flat_creditmemo_item",
                "sales_flat_creditmemo_comment")) {
            rowId = Math.max(rowId, max(table, "entity_id") + 1);
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT t.entity_type_code, s.store_id, s.increment_prefix, s.increment_last_id"
                     + " FROM eav_entity_store s JOIN eav_entity_type t USING (entity_type_id)")) {
            while (row.next()) {
                String last = row.getString(4);
                String prefix = row.getString(3) == null ? "" : row.getString(3);
                if (last != null && last.startsWith(prefix) && last.length() > prefix.length()) {
                    counters.put(row.getString(1) + "|" + row.getInt(2), Long.parseLong(last.substring(prefix.length())));
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int i = 0; i < count; i++) {
                order();
                if (i % 500 == 499) {
                    rows.flush(connection);
                    connection.commit();
                }
            }
            counters();
            rows.flush(connection);
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void loadCatalogAndCustomers() throws SQLException {
        Map<Long, Product> products = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT entity_id, sku, type_id FROM catalog_product_entity ORDER BY entity_id")) {
                while (row.next()) {
                    Product product = new Product(row.getLong(1), row.getString(2), row.getString(3), row.getString(2).replace('-', ' '));
                    products.put(product.id(), product);
                    if (!"grouped".equals(product.type())) {
                        sellable.add(product);
                    }
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT parent_id, product_id FROM catalog_product_super_link ORDER BY link_id")) {
                while (row.next()) {
                    childrenOf.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(products.get(row.getLong(2)));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT parent_product_id, product_id FROM catalog_product_bundle_selection"
                    + " ORDER BY selection_id")) {
                while (row.next()) {
                    childrenOf.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(products.get(row.getLong(2)));
                }
            }
            int firstname = attributeId("firstname");
            int lastname = attributeId("lastname");
            try (ResultSet row = statement.executeQuery("SELECT c.entity_id, c.email, f.value, l.value, c.website_id, c.group_id"
                    + " FROM customer_entity c JOIN customer_entity_varchar f ON f.entity_id = c.entity_id AND f.attribute_id = " + firstname
                    + " JOIN customer_entity_varchar l ON l.entity_id = c.entity_id AND l.attribute_id = " + lastname
                    + " ORDER BY c.entity_id")) {
                while (row.next()) {
                    customersOf.computeIfAbsent(row.getInt(5), k -> new ArrayList<>()).add(new Customer(row.getLong(1), row.getString(2),
                            row.getString(3), row.getString(4), row.getInt(5), row.getInt(6)));
                }
            }
        }
        // a composite product whose children are missing is not sold
        sellable.removeIf(p -> ("configurable".equals(p.type()) || "bundle".equals(p.type())) && !childrenOf.containsKey(p.id()));
    }

    private int attributeId(String code) {
        return shop.attribute("customer", code).orElseThrow().id();
    }

    private void order() {
        List<ShopMetadata.Store> stores = shop.stores().stream().filter(s -> s.id() != 0).toList();
        ShopMetadata.Store store = stores.get(random.nextInt(stores.size()));
        List<Customer> ofWebsite = customersOf.getOrDefault(store.websiteId(), List.of());
        Customer customer = !ofWebsite.isEmpty() && random.nextInt(100) < 80 ? ofWebsite.get(random.nextInt(ofWebsite.size())) : null;
        String state = STATES[random.nextInt(STATES.length)];
        long id = orderId++;
        String incrementId = nextIncrementId("order", store);
        LocalDateTime created = LocalDateTime.of(2025, 1, 5, 9, 0).plusMinutes(id * 2_357 % 400_000).withNano(0);

        List<Item> items = items(id, store, created);
        BigDecimal subtotal = BigDecimal.ZERO;
        int qty = 0;
        boolean virtual = true;
        for (Item item : items) {
            if (item.parentId() == null) {
                subtotal = subtotal.add(item.rowTotal());
                qty += item.qty();
            }
            virtual &= "virtual".equals(item.product().type()) || "downloadable".equals(item.product().type());
        }
        BigDecimal tax = subtotal.multiply(TAX).setScale(4, RoundingMode.HALF_UP);
        BigDecimal shipping = virtual ? BigDecimal.ZERO : new BigDecimal(5 * items.size()).setScale(4, RoundingMode.HALF_UP);
        BigDecimal discount = random.nextInt(10) == 0 ? subtotal.multiply(new BigDecimal("-0.05")).setScale(4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(4, RoundingMode.HALF_UP);
        BigDecimal grand = subtotal.add(tax).add(shipping).add(discount);
        boolean invoiced = List.of("processing", "complete", "closed").contains(state);
        boolean refunded = "closed".equals(state);
        String firstname = customer == null ? "Guest" : customer.firstname();
        String lastname = customer == null ? "Buyer " + id : customer.lastname();
        String email = customer == null ? "guest." + id + "@example.org" : customer.email();
        long billing = addressId++;
        Long shippingAddress = virtual ? null : addressId++;
        BigDecimal paid = invoiced ? grand : null;
        rows.add("sales_flat_order", "entity_id, increment_id, state, status, store_id, store_name, customer_id, customer_is_guest,"
                        + " customer_group_id, customer_email, customer_firstname, customer_lastname, is_virtual, base_currency_code,"
                        + " global_currency_code, order_currency_code, store_currency_code, base_to_global_rate, base_to_order_rate,"
                        + " store_to_base_rate, store_to_order_rate, subtotal, base_subtotal, tax_amount, base_tax_amount, shipping_amount,"
                        + " base_shipping_amount, discount_amount, base_discount_amount, grand_total, base_grand_total, total_paid,"
                        + " base_total_paid, total_invoiced, base_total_invoiced, total_refunded, base_total_refunded, total_due,"
                        + " base_total_due, total_qty_ordered, total_item_count, weight, shipping_method, shipping_description,"
                        + " billing_address_id, shipping_address_id, quote_id, protect_code, coupon_code, remote_ip, created_at, updated_at",
                id, incrementId, state, STATUS.get(state), store.id(), "Main Website\nMain Store\n" + store.code(),
                customer == null ? null : customer.id(), customer == null ? 1 : 0, customer == null ? 0 : customer.groupId(), email,
                firstname, lastname, virtual ? 1 : 0, "EUR", "EUR", "EUR", "EUR", 1, 1, 1, 1, subtotal, subtotal, tax, tax, shipping,
                shipping, discount, discount, grand, grand, paid, paid, paid, paid, refunded ? grand : null, refunded ? grand : null,
                invoiced ? BigDecimal.ZERO : grand, invoiced ? BigDecimal.ZERO : grand, qty, items.size(), virtual ? null : "1.0000",
                virtual ? null : "flatrate_flatrate", virtual ? null : "Flat Rate - Fixed", billing, shippingAddress, 900_000 + id,
                hex(6), discount.signum() != 0 ? "SAVE5" : null, "192.0.2." + (id % 250), created, created.plusDays(refunded ? 10 : 2));
        address(billing, id, customer, "billing", firstname, lastname, email);
        if (shippingAddress != null) {
            address(shippingAddress, id, customer, "shipping", firstname, lastname, email);
        }
        rows.add("sales_flat_order_payment", "entity_id, parent_id, method, amount_ordered, base_amount_ordered, amount_paid,"
                        + " base_amount_paid, shipping_amount, base_shipping_amount, additional_information",
                id, id, "checkmo", grand, grand, paid, paid, shipping, shipping,
                random.nextBoolean() ? null : PAYABLE_TO);
        history(id, created, "pending", "order", "Order placed via the web shop.");
        if (!"new".equals(state)) {
            history(id, created.plusDays(1), STATUS.get(state), "order", "Status " + STATUS.get(state) + " — «geändert»");
        }
        rows.add("sales_flat_order_grid", "entity_id, status, store_id, store_name, customer_id, base_grand_total, base_total_paid,"
                        + " grand_total, total_paid, increment_id, base_currency_code, order_currency_code, shipping_name, billing_name,"
                        + " created_at, updated_at",
                id, STATUS.get(state), store.id(), "Main Website\nMain Store\n" + store.code(), customer == null ? null : customer.id(),
                grand, paid, grand, paid, incrementId, "EUR", "EUR", virtual ? null : firstname + " " + lastname,
                firstname + " " + lastname, created, created.plusDays(refunded ? 10 : 2));
        Placed placed = new Placed(id, incrementId, store, items, new Totals(subtotal, tax, shipping, discount, grand), customer,
                billing, shippingAddress, created, firstname + " " + lastname);
        if (invoiced) {
            invoice(placed);
        }
        if (("complete".equals(state) || refunded) && !virtual) {
            shipment(placed);
        }
        if (refunded) {
            creditmemo(placed);
        }
    }

    /** One to four lines, and a configurable or bundle product's child items: about three items an order. */
    private List<Item> items(long order, ShopMetadata.Store store, LocalDateTime created) {
        List<Item> items = new ArrayList<>();
        int lines = 1 + random.nextInt(4);
        for (int line = 0; line < lines; line++) {
            Product product = sellable.get(random.nextInt(sellable.size()));
            int qty = 1 + random.nextInt(3);
            BigDecimal price = new BigDecimal(5 + random.nextInt(300)).add(new BigDecimal("0.95"));
            if (random.nextInt(40) == 0) {
                // a product deleted since: the item keeps its sku, name and price
                product = new Product(9_000_000 + itemId, "DISCONTINUED-" + itemId, "simple", "Discontinued article");
            }
            BigDecimal rowTotal = price.multiply(new BigDecimal(qty));
            List<Product> children = childrenOf.getOrDefault(product.id(), List.of());
            String options = "a:1:{s:15:\"info_buyRequest\";a:1:{s:3:\"qty\";i:" + qty + ";}}";
            if ("configurable".equals(product.type())) {
                // a configurable's parent and child item both carry the chosen child's sku, as OpenMage writes them
                Product child = children.get(random.nextInt(children.size()));
                Item parent = item(order, new Item(itemId++, product, child.sku(), null, qty, price, rowTotal), store, created, options);
                items.add(parent);
                items.add(item(order, new Item(itemId++, child, child.sku(), parent.id(), qty, BigDecimal.ZERO, BigDecimal.ZERO), store,
                        created, options));
            } else {
                Item parent = item(order, new Item(itemId++, product, product.sku(), null, qty, price, rowTotal), store, created, options);
                items.add(parent);
                if ("bundle".equals(product.type())) {
                    for (Product child : children.subList(0, Math.min(2, children.size()))) {
                        items.add(item(order, new Item(itemId++, child, child.sku(), parent.id(), qty, BigDecimal.ZERO, BigDecimal.ZERO),
                                store, created, null));
                    }
                }
            }
        }
        return items;
    }

    private Item item(long order, Item item, ShopMetadata.Store store, LocalDateTime created, String options) {
        BigDecimal tax = item.rowTotal().multiply(TAX).setScale(4, RoundingMode.HALF_UP);
        rows.add("sales_flat_order_item", "item_id, order_id, parent_item_id, quote_item_id, store_id, created_at, updated_at,"
                        + " product_id, product_type, product_options, sku, name, qty_ordered, price, base_price, original_price,"
                        + " row_total, base_row_total, tax_percent, tax_amount, base_tax_amount, row_total_incl_tax,"
                        + " base_row_total_incl_tax, weight, is_virtual",
                item.id(), order, item.parentId(), 800_000 + item.id(), store.id(), created, created, item.product().id(),
                item.product().type(), options, item.sku(), item.product().name(), item.qty(), item.price(), item.price(), item.price(),
                item.rowTotal(), item.rowTotal(), "10.0000", tax, tax, item.rowTotal().add(tax), item.rowTotal().add(tax), "1.0000",
                "virtual".equals(item.product().type()) ? 1 : 0);
        return item;
    }

    private void address(long id, long order, Customer customer, String type, String firstname, String lastname, String email) {
        ShopMetadata.Region region = regions.isEmpty() ? null : regions.get(random.nextInt(regions.size()));
        rows.add("sales_flat_order_address", "entity_id, parent_id, customer_id, region_id, region, postcode, lastname, street, city,"
                        + " email, telephone, country_id, firstname, address_type, company",
                id, order, customer == null ? null : customer.id(), region == null ? null : region.id(),
                region == null ? null : region.name(), String.valueOf(10_000 + random.nextInt(89_999)), lastname,
                (1 + random.nextInt(200)) + " Market Street\nBuilding " + (char) ('A' + random.nextInt(5)), "Springfield", email,
                "+49 30 " + (1_000_000 + random.nextInt(8_999_999)), region == null ? "DE" : region.countryId(), firstname, type,
                random.nextInt(5) == 0 ? "Acme & Söhne" : null);
    }

    private void history(long order, LocalDateTime at, String status, String entity, String comment) {
        rows.add("sales_flat_order_status_history", "entity_id, parent_id, is_customer_notified, is_visible_on_front, comment,"
                + " status, created_at, entity_name", rowId++, order, random.nextInt(2), 0, comment, status, at, entity);
    }

    private void invoice(Placed order) {
        long id = documentId++;
        ShopMetadata.Store store = order.store();
        Totals totals = order.totals();
        String incrementId = nextIncrementId("invoice", store);
        LocalDateTime at = order.at().plusDays(1);
        rows.add("sales_flat_invoice", "entity_id, store_id, order_id, increment_id, state, subtotal, base_subtotal, tax_amount,"
                        + " base_tax_amount, shipping_amount, base_shipping_amount, discount_amount, base_discount_amount, grand_total,"
                        + " base_grand_total, total_qty, billing_address_id, shipping_address_id, base_currency_code,"
                        + " order_currency_code, store_currency_code, global_currency_code, created_at, updated_at",
                id, store.id(), order.id(), incrementId, 2, totals.subtotal(), totals.subtotal(), totals.tax(), totals.tax(),
                totals.shipping(), totals.shipping(), totals.discount(), totals.discount(), totals.grand(), totals.grand(),
                order.items().size(), order.billing(), order.shippingAddress(), "EUR", "EUR", "EUR", "EUR", at, at);
        documentItems("sales_flat_invoice_item", id, order.items());
        if (random.nextBoolean()) {
            rows.add("sales_flat_invoice_comment", "entity_id, parent_id, is_customer_notified, is_visible_on_front, comment, created_at",
                    rowId++, id, 0, 0, "Paid by bank transfer", at);
        }
        rows.add("sales_flat_invoice_grid", "entity_id, store_id, base_grand_total, grand_total, order_id, state, store_currency_code,"
                        + " order_currency_code, base_currency_code, global_currency_code, increment_id, order_increment_id, created_at,"
                        + " order_created_at, billing_name", id, store.id(), totals.grand(), totals.grand(), order.id(), 2, "EUR", "EUR",
                "EUR", "EUR", incrementId, order.incrementId(), at, order.at(), order.name());
        history(order.id(), at, "processing", "invoice", "Invoice #" + incrementId + " created.");
    }

    private void shipment(Placed order) {
        long id = documentId++;
        ShopMetadata.Store store = order.store();
        String incrementId = nextIncrementId("shipment", store);
        LocalDateTime at = order.at().plusDays(2);
        int qty = order.items().stream().filter(i -> i.parentId() == null).mapToInt(Item::qty).sum();
        rows.add("sales_flat_shipment", "entity_id, store_id, total_qty, order_id, customer_id, shipping_address_id, billing_address_id,"
                        + " increment_id, created_at, updated_at", id, store.id(), qty, order.id(),
                order.customer() == null ? null : order.customer().id(), order.shippingAddress(), order.billing(), incrementId, at, at);
        for (Item item : order.items()) {
            rows.add("sales_flat_shipment_item", "entity_id, parent_id, order_item_id, product_id, sku, name, qty, price, weight",
                    rowId++, id, item.id(), item.product().id(), item.sku(), item.product().name(), item.qty(), item.price(),
                    "1.0000");
        }
        String carrier = CARRIERS[random.nextInt(CARRIERS.length)];
        rows.add("sales_flat_shipment_track", "entity_id, parent_id, order_id, track_number, title, carrier_code, created_at, updated_at",
                rowId++, id, order.id(), "1Z" + hex(8).toUpperCase(java.util.Locale.ROOT), carrier.toUpperCase(java.util.Locale.ROOT), carrier,
                at, at);
        if (random.nextInt(3) == 0) {
            rows.add("sales_flat_shipment_comment", "entity_id, parent_id, is_customer_notified, is_visible_on_front, comment, created_at",
                    rowId++, id, 1, 1, "Left with the neighbour", at);
        }
        rows.add("sales_flat_shipment_grid", "entity_id, store_id, total_qty, order_id, increment_id, order_increment_id, created_at,"
                + " order_created_at, shipping_name", id, store.id(), qty, order.id(), incrementId, order.incrementId(), at, order.at(),
                order.name());
    }

    private void creditmemo(Placed order) {
        long id = documentId++;
        ShopMetadata.Store store = order.store();
        Totals totals = order.totals();
        String incrementId = nextIncrementId("creditmemo", store);
        LocalDateTime at = order.at().plusDays(10);
        rows.add("sales_flat_creditmemo", "entity_id, store_id, order_id, increment_id, state, creditmemo_status, subtotal,"
                        + " base_subtotal, tax_amount, base_tax_amount, shipping_amount, base_shipping_amount, discount_amount,"
                        + " base_discount_amount, grand_total, base_grand_total, adjustment_positive, adjustment_negative,"
                        + " billing_address_id, shipping_address_id, base_currency_code, order_currency_code, created_at, updated_at",
                id, store.id(), order.id(), incrementId, 2, 1, totals.subtotal(), totals.subtotal(), totals.tax(), totals.tax(),
                totals.shipping(), totals.shipping(), totals.discount(), totals.discount(), totals.grand(), totals.grand(), "0.0000",
                "0.0000", order.billing(), order.shippingAddress(), "EUR", "EUR", at, at);
        documentItems("sales_flat_creditmemo_item", id, order.items());
        rows.add("sales_flat_creditmemo_comment", "entity_id, parent_id, is_customer_notified, is_visible_on_front, comment, created_at",
                rowId++, id, 0, 0, "Returned within 14 days", at);
        rows.add("sales_flat_creditmemo_grid", "entity_id, store_id, grand_total, base_grand_total, order_id, state, creditmemo_status,"
                        + " order_currency_code, base_currency_code, increment_id, order_increment_id, created_at, order_created_at,"
                        + " billing_name", id, store.id(), totals.grand(), totals.grand(), order.id(), 2, 1, "EUR", "EUR", incrementId,
                order.incrementId(), at, order.at(), order.name());
        history(order.id(), at, "closed", "creditmemo", "Credit memo #" + incrementId + " created.");
    }

    /** An invoice's or credit memo's items: one per order item, for its whole quantity. */
    private void documentItems(String table, long document, List<Item> items) {
        for (Item item : items) {
            rows.add(table, "entity_id, parent_id, order_item_id, product_id, sku, name, qty, price, base_price, row_total,"
                            + " base_row_total", rowId++, document, item.id(), item.product().id(), item.sku(), item.product().name(),
                    item.qty(), item.price(), item.price(), item.rowTotal(), item.rowTotal());
        }
    }

    /** OpenMage's numbering: the store id as prefix, then the store's counter padded to 8 digits. */
    private String nextIncrementId(String type, ShopMetadata.Store store) {
        long next = counters.merge(type + "|" + store.id(), 1L, Long::sum);
        return store.id() + String.format("%08d", next);
    }

    private void counters() throws SQLException {
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            String[] key = counter.getKey().split("\\|");
            int type = shop.requireEntityType(key[0]).id();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM eav_entity_store WHERE entity_type_id = " + type + " AND store_id = " + key[1]);
            }
            rows.add("eav_entity_store", "entity_type_id, store_id, increment_prefix, increment_last_id", type,
                    Integer.parseInt(key[1]), key[1], key[1] + String.format("%08d", counter.getValue()));
        }
    }

    private String hex(int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            text.append(String.format("%02x", random.nextInt(256)));
        }
        return text.toString();
    }

    private long max(String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
