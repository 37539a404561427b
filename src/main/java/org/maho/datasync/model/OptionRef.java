package org.maho.datasync.model;

/** An option of an attribute by the attribute's code and the option's admin label. */
public record OptionRef(AttributeRef attribute, String label) {
    @Override
    public String toString() {
        return attribute + "=" + label;
    }
}
