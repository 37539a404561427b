package org.maho.datasync.anonymize;

import java.util.Locale;

/** How a field is anonymized: the words the profile in config/application.properties uses. */
enum FakeMethod {
    /** a unique address in the profile's reserved domain */
    EMAIL,
    /** each word a made-up name */
    NAME,
    /** a house number and a made-up street, per line */
    STREET,
    /** the same shape with other digits (phones, VAT and card digits) */
    DIGITS,
    /** another day between 1950 and 2004 */
    DATE,
    /** free text replaced by a marker */
    TEXT,
    /** emptied */
    BLANK,
    /** the profile's one known password hash */
    PASSWORD,
    /** an address of TEST-NET-1 */
    IP,
    /** copied as it is: a user's line that turns a shipped one off */
    KEEP;

    static FakeMethod parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("config/application.properties: " + key + " = '" + value + "' is not a way to"
                    + " anonymize; use one of email, name, street, digits, date, text, blank, password, ip, keep");
        }
    }

    /** Whether its fakes are kept apart from every source value (what verify's search for leftovers looks for). */
    boolean hidesValue() {
        return this != KEEP && this != DATE;
    }
}
