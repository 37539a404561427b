package org.maho.datasync.eav;

/** A tax class by name and type (PRODUCT or CUSTOMER). */
public record TaxClassRef(String name, String type) {
    @Override
    public String toString() {
        return name;
    }
}
