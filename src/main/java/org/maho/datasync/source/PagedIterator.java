package org.maho.datasync.source;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams records page by page: the next page is fetched only when the current one is used up, so memory
 * holds one page whatever the size of the shop.
 */
public abstract class PagedIterator<T> implements Iterator<T> {

    private Iterator<T> current = List.<T>of().iterator();
    private boolean exhausted;

    /** The next page, or an empty list at the end. */
    protected abstract List<T> nextPage();

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (exhausted) {
                return false;
            }
            List<T> page = nextPage();
            if (page.isEmpty()) {
                exhausted = true;
                return false;
            }
            current = page.iterator();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
