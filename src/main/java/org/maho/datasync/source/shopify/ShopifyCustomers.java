package org.maho.datasync.source.shopify;

import java.util.List;
import java.util.Locale;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.ShopDefaults;
import org.maho.datasync.source.csv.CsvRow;

/**
 * Shopify's customers export, one line a customer: a customer of the destination's default website by email, with
 * the default address the export holds. A spreadsheet that saved the file damages some values, repaired where the
 * value is still whole (a zip code's leading apostrophe) and otherwise left out with a warning: a Customer ID or a
 * phone number in scientific notation has lost its digits. Shopify keeps no password a shop can move, so none is
 * copied. The same file gives the newsletter's subscribers: the customers who accept email marketing.
 */
final class ShopifyCustomers extends ShopifyFormat {

    private final ShopDefaults defaults;
    private final boolean subscribers;

    /** @param subscribers whether to read the file's subscribers (sync newsletter) rather than its customers */
    ShopifyCustomers(SyncJob job, boolean subscribers) {
        super(ShopifyExport.CUSTOMER);
        this.defaults = ShopDefaults.of(job);
        this.subscribers = subscribers;
    }

    /** A customer is one line. */
    @Override
    public List<Record> toRecords(List<CsvRow> lines, SyncJob job) {
        CsvRow row = lines.get(0);
        return List.of(subscribers ? subscriber(row) : customer(row, job));
    }

    private Record customer(CsvRow row, SyncJob job) {
        String email = ShopifyExport.get(row, "Email");
        Record customer = new Record("customer", null, row.origin() + (email == null ? "" : " (" + email + ")"));
        String id = ShopifyExport.get(row, "Customer ID");
        if (ShopifyExport.damaged(id)) {
            job.report().warn("customer: its Customer ID is in scientific notation (7.02255E+12), damaged by a spreadsheet"
                    + " that saved the file: its digits are lost, and the customer is found by email");
        }
        if (email == null) {
            customer.reject("Email", "is empty: OpenMage finds a customer by email");
            return customer;
        }
        customer.put("email", email);
        customer.put("website_id", defaults.website());
        put(customer, "store_id", defaults.store());
        put(customer, "group_id", defaults.customerGroup());
        put(customer, "firstname", ShopifyExport.get(row, "First Name"));
        put(customer, "lastname", ShopifyExport.get(row, "Last Name"));
        Record address = address(row, customer, job);
        if (address != null) {
            customer.addChild("addresses", address);
            customer.put("default_billing", address.sourceId());
            customer.put("default_shipping", address.sourceId());
        }
        return customer;
    }

    /** The default address ("Address1" before 2024, "Default Address Address1" after); null when it has none. */
    private static Record address(CsvRow row, Record customer, SyncJob job) {
        Record address = new Record("customer_address", "default", customer.origin() + " (default address)");
        put(address, "firstname", customer.text("firstname"));
        put(address, "lastname", customer.text("lastname"));
        put(address, "company", field(row, "Company"));
        String street = field(row, "Address1");
        String second = field(row, "Address2");
        put(address, "street", street == null ? second : second == null ? street : street + "\n" + second);
        put(address, "city", field(row, "City"));
        put(address, "postcode", ShopifyExport.zip(field(row, "Zip")));
        put(address, "country_id", field(row, "Country Code"));
        String phone = field(row, "Phone");
        if (ShopifyExport.damaged(phone)) {
            job.report().warn("customer: its phone is in scientific notation (9.19961E+11), damaged by a spreadsheet"
                    + " that saved the file: its digits are lost, and the address has no phone");
        } else {
            put(address, "telephone", phone);
        }
        if (address.get("street") == null && address.get("city") == null) {
            return null;
        }
        region(address, field(row, "Province Code"), field(row, "Province"));
        return address;
    }

    /** An address field under its name before 2024 and after ("Default Address City"). */
    private static String field(CsvRow row, String name) {
        return ShopifyExport.get(row, name, "Default Address " + name);
    }

    /** A customer who accepts email marketing as a subscriber of the default store, linked to the customer of that email. */
    private Record subscriber(CsvRow row) {
        String email = ShopifyExport.get(row, "Email");
        Record subscriber = new Record("newsletter", null, row.origin() + (email == null ? "" : " (" + email + ")"));
        if (email == null) {
            subscriber.reject("Email", "is empty: a subscriber is an email");
            return subscriber;
        }
        if (!ShopifyExport.yes(ShopifyExport.get(row, "Accepts Email Marketing", "Accepts Marketing"))) {
            subscriber.outcome(Outcome.SKIPPED, "does not accept email marketing");
            return subscriber;
        }
        subscriber.put("subscriber_email", email);
        subscriber.put("subscriber_status", "1");
        put(subscriber, "store_id", defaults.store());
        subscriber.put("customer_id", new Ref("customer", null, (email + "|" + defaults.website()).toLowerCase(Locale.ROOT), Ref.Missing.ZERO));
        return subscriber;
    }
}
