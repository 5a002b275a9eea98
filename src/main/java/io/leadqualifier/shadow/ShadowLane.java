package io.leadqualifier.shadow;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.quarkus.logging.Log;

/**
 * A bounded queue and the one thread that works through it, in order. {@link #offer} never waits: a full queue
 * hands the item to the drop handler instead, so whoever offers (a request) is never slowed by the work. {@link #drained} tells when
 * everything offered before it has been worked on, so tests and operators need not guess with a sleep.
 *
 * @param <T> what is worked on
 */
final class ShadowLane<T> implements AutoCloseable {
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private final Consumer<T> drop;

    /** A marker queued behind the items offered before it: completed when the worker reaches it. */
    private record Drained(CompletableFuture<Void> done) {
    }

    /**
     * @param work what the worker does with each item, in the order offered
     * @param drop what the offering thread does with an item refused by a full queue: count it, nothing slow
     */
    ShadowLane(String name, int capacity, Consumer<T> work, Consumer<T> drop) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.drop = drop;
        this.thread = new Thread(() -> run(work), name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Queues the item, or drops it at once when the queue is full. */
    void offer(T item) {
        if (!queue.offer(item)) {
            drop.accept(item);
        }
    }

    /** Completes once every item offered before this call has been worked on. Waits for room in a full queue. */
    CompletableFuture<Void> drained() {
        Drained marker = new Drained(new CompletableFuture<>());
        try {
            queue.put(marker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            marker.done().completeExceptionally(e);
        }
        return marker.done();
    }

    /** Items waiting. */
    int waiting() {
        return queue.size();
    }

    @SuppressWarnings("unchecked")
    private void run(Consumer<T> work) {
        while (!Thread.currentThread().isInterrupted()) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next instanceof Drained marker) {
                marker.done().complete(null);
                continue;
            }
            try {
                work.accept((T) next);
            } catch (RuntimeException | StackOverflowError e) {
                // The work counts its own failures; whatever escapes must not end the lane.
                Log.warnf(e, "%s: an item failed", thread.getName());
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
