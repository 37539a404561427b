package org.maho.datasync.model;

/** A product link attribute (position, qty) of a link type, by codes. */
public record LinkAttributeRef(String linkTypeCode, String attributeCode) {
    @Override
    public String toString() {
        return linkTypeCode + "." + attributeCode;
    }
}
