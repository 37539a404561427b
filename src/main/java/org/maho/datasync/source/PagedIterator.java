package org.maho.datasync.source;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams records page by page, reading one page ahead: while the pipeline writes a page, the next one is read
 * on another thread, so reading the source and writing the destination overlap. Memory holds two pages whatever
 * the size of the shop.
 *
 * <p>{@link #nextPage()} runs on one thread at a time, each call after the previous one ended, so a reader keeps
 * its position in plain fields. What it touches besides must be safe to read from another thread: the source
 * shop's metadata, the run's report and caches.
 */
public abstract class PagedIterator<T> implements Iterator<T> {

    /** Daemon threads, kept a minute after use: a run that stops early leaves nothing that holds the JVM. */
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "datasync-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /** The page being consumed; a record leaves it when taken, so a written batch is not kept alive by its page. */
    private final ArrayDeque<T> current = new ArrayDeque<>();
    private CompletableFuture<List<T>> ahead;
    private boolean exhausted;

    /** The next page, or an empty list at the end. */
    protected abstract List<T> nextPage();

    @Override
    public boolean hasNext() {
        while (current.isEmpty()) {
            if (exhausted) {
                return false;
            }
            List<T> page;
            try {
                page = ahead == null ? nextPage() : await(ahead);
            } catch (RuntimeException | Error e) {
                // thrown once, to the pipeline; whoever asks again (Camel's split, releasing its exchanges) finds the end
                exhausted = true;
                ahead = null;
                throw e;
            }
            if (page.isEmpty()) {
                exhausted = true;
                ahead = null;
                return false;
            }
            current.addAll(page);
            ahead = CompletableFuture.supplyAsync(this::nextPage, READ_AHEAD);
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.poll();
    }

    /** The page read ahead; its reader's failure is thrown here, as if the page were read on this thread. */
    private static <T> List<T> await(CompletableFuture<List<T>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
