package org.maho.datasync.model;

/** A directory region by what identifies it in every shop: its country and code (and name as a fallback). */
public record RegionRef(String countryId, String code, String name) {
    @Override
    public String toString() {
        return countryId + "/" + (code != null ? code : name);
    }
}
