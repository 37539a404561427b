package org.maho.datasync.sink;

/**
 * A destination row's id: known for an existing row, assigned by the insert for a new one. Values and
 * child rows planned before the insert point at the ref, and get the id when the plan runs.
 */
public final class RowRef implements Deferred {

    private Long id;

    private RowRef(Long id) {
        this.id = id;
    }

    public static RowRef existing(long id) {
        return new RowRef(id);
    }

    public static RowRef pending() {
        return new RowRef(null);
    }

    public Long id() {
        return id;
    }

    public long requireId() {
        if (id == null) {
            throw new IllegalStateException("row not inserted yet");
        }
        return id;
    }

    @Override
    public Object resolve() {
        return requireId();
    }

    void assign(long value) {
        id = value;
    }

    @Override
    public String toString() {
        return id == null ? "(new)" : String.valueOf(id);
    }
}
