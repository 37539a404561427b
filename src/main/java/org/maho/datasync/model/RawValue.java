package org.maho.datasync.model;

/**
 * A value that should have been a reference (an option id) but is not one in the source shop: it is carried
 * unchanged, because changing it would invent data, and the run reports it.
 */
public record RawValue(String raw) {
    @Override
    public String toString() {
        return raw;
    }
}
