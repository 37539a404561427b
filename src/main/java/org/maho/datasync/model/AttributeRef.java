package org.maho.datasync.model;

/** An attribute by what identifies it in every shop. */
public record AttributeRef(String entityTypeCode, String code) {
    @Override
    public String toString() {
        return code;
    }
}
