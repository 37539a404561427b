package org.maho.datasync.source;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that finds its next element ahead of being asked for it: a reader that skips what it leaves out. */
public abstract class LookAhead<T> implements Iterator<T> {

    private T next;
    private boolean exhausted;

    /** The next element, or null at the end. */
    protected abstract T advance();

    @Override
    public final boolean hasNext() {
        if (next == null && !exhausted) {
            next = advance();
            exhausted = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T taken = next;
        next = null;
        return taken;
    }
}
