package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.PagedIterator;
import org.maho.datasync.source.PasswordResets;
import org.maho.datasync.source.ShopDefaults;

/**
 * Customers: WordPress users who have WooCommerce's customer role or placed an order, with their billing and shipping
 * addresses ({@code billing_*}, {@code shipping_*} user meta), in the destination's default website and its default
 * customer group. Another user (an editor who never bought) is skipped with that reason. WordPress's password hashes
 * (phpass {@code $P$}, and the {@code $wp$2y$} of WordPress 6.8) cannot be verified by OpenMage: nothing is copied,
 * and the customers are listed for a password reset.
 */
final class WooCustomers extends PagedIterator<Record> {

    static final String CUSTOMER_ROLE = "customer";

    private final SyncJob job;
    private final WordPress shop;
    private final PasswordResets passwords;
    private final ShopDefaults defaults;
    private final Set<String> buyers;
    private long after;

    private WooCustomers(SyncJob job, WordPress shop) {
        this.job = job;
        this.shop = shop;
        this.passwords = new PasswordResets(job, "WordPress", "wordpress_hash");
        this.defaults = ShopDefaults.of(job);
        this.buyers = OrderStorage.of(shop).customerIds();
    }

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        return new WooCustomers(job, shop);
    }

    @Override
    protected List<Record> nextPage() {
        List<Map<String, String>> users = shop.rows(shop.from("users").where("ID", TableQuery.Op.GT, after).orderBy("ID")
                .limit(job.spec().batchSize()));
        if (users.isEmpty()) {
            passwords.finish();
            return List.of();
        }
        after = Long.parseLong(users.get(users.size() - 1).get("ID"));
        Map<String, Map<String, String>> meta = shop.meta("usermeta", "user_id", users.stream().map(user -> user.get("ID")).toList());
        List<Record> page = new ArrayList<>();
        for (Map<String, String> user : users) {
            page.add(customer(user, meta.getOrDefault(user.get("ID"), Map.of())));
        }
        return page;
    }

    private Record customer(Map<String, String> user, Map<String, String> meta) {
        String id = user.get("ID");
        Record customer = new Record("customer", id, "users ID=" + id + " (" + user.get("user_login") + ")");
        Set<String> roles = roles(meta);
        if (!roles.contains(CUSTOMER_ROLE) && !buyers.contains(id)) {
            customer.outcome(Outcome.SKIPPED, "a WordPress user (" + String.join(", ", roles) + ") who is no customer and placed no order");
            return customer;
        }
        customer.put("email", user.get("user_email"));
        customer.put("website_id", defaults.website());
        put(customer, "store_id", defaults.store());
        put(customer, "group_id", defaults.customerGroup());
        put(customer, "firstname", first(meta.get("first_name"), meta.get("billing_first_name")));
        put(customer, "lastname", first(meta.get("last_name"), meta.get("billing_last_name")));
        put(customer, "created_at", Texts.gmt(user.get("user_registered")));
        String hash = user.get("user_pass");
        if (!Texts.blank(hash)) {
            passwords.add(customer, hash.startsWith("$P$") ? "phpass" : hash.startsWith("$wp$") ? "bcrypt (WordPress 6.8)" : "other");
        }
        Record billing = address(customer, meta, "billing");
        Record shipping = address(customer, meta, "shipping");
        if (billing != null) {
            customer.addChild("addresses", billing);
            customer.put("default_billing", "billing");
        }
        if (shipping != null && (billing == null || !billing.fields().equals(shipping.fields()))) {
            customer.addChild("addresses", shipping);
            customer.put("default_shipping", "shipping");
        } else if (shipping != null) {
            customer.put("default_shipping", "billing");
        }
        return customer;
    }

    /** The user's roles, from {@code <prefix>capabilities}. */
    private static Set<String> roles(Map<String, String> meta) {
        Set<String> roles = new HashSet<>();
        for (Map.Entry<String, String> entry : meta.entrySet()) {
            if (entry.getKey().endsWith("capabilities")) {
                WordPress.array(entry.getValue()).forEach((role, granted) -> {
                    if (WooAttributes.isTrue(granted)) {
                        roles.add(role.toString());
                    }
                });
            }
        }
        return roles;
    }

    /** An address kept as {@code <type>_first_name}, {@code <type>_address_1} ... in user meta; null without street or city. */
    private static Record address(Record customer, Map<String, String> meta, String type) {
        Record address = new Record("customer_address", type, customer.origin() + " (" + type + " address)");
        WooAddresses.fill(address, name -> meta.get(type + "_" + name));
        return address.get("street") == null && address.get("city") == null ? null : address;
    }

    private static String first(String a, String b) {
        return Texts.blank(a) ? b : a;
    }

    private static void put(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value);
        }
    }
}
