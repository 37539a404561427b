package org.maho.datasync.model;

/** A tax class by name and type (PRODUCT or CUSTOMER). */
public record TaxClassRef(String name, String type) {
    @Override
    public String toString() {
        return name;
    }
}
