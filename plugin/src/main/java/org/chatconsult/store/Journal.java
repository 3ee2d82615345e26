package org.chatconsult.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes behind: the core hands changes over and goes on routing; one thread of its own writes whatever has
 * piled up in one transaction (group commit), in the order it was handed over. What must be durable before the
 * service answers waits for {@link #afterDurable}; reads run on the same thread, so they see every change
 * handed over before them. If the database fails the batch is kept and tried again: nothing is dropped.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_BATCH = 2_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long lines wait for company before they are written: far inside the one second they may take. */
    private static final Duration LINGER = Duration.ofMillis(50);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Reads the store on the journal's thread. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Store store) throws StoreException;
    }

    private record Task(Runnable action) {
    }

    private static final Object STOP = new Object();

    private final Store store;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean lingering;

    public Journal(Store store) {
        this.store = store;
        this.writer = new Thread(this::run, "chatconsult-store");
        writer.setDaemon(true);
        writer.start();
    }

    /** Hands over an agent, interaction or consultation snapshot, a message or an event. */
    public void append(Object change) {
        queue.add(change);
        if (!(change instanceof Store.Message)) {
            hurry();
        }
    }

    /** Runs {@code action} on the journal's thread once everything handed over so far is committed. */
    public void afterDurable(Runnable action) {
        queue.add(new Task(action));
        hurry();
    }

    /** Cuts a lingering writer's wait short: something urgent came. Lines alone never wake it. */
    private void hurry() {
        if (lingering) {
            LockSupport.unpark(writer);
        }
    }

    /** Completes once everything handed over so far is committed. */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        afterDurable(() -> done.complete(null));
        return done;
    }

    /** Reads the store after everything handed over so far is committed. */
    public <T> CompletableFuture<T> read(Read<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        afterDurable(() -> {
            try {
                result.complete(read.run(store));
            } catch (StoreException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The thread that writes (for its CPU time). */
    public Thread thread() {
        return writer;
    }

    /** Changes committed since the journal started. */
    public long written() {
        return written.get();
    }

    private void run() {
        List<Object> pending = new ArrayList<>();
        while (true) {
            try {
                collect(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Batch batch = new Batch();
            for (Object item : pending) {
                if (item == STOP) {
                    commit(batch);
                    return;
                } else if (item instanceof Task task) {
                    commit(batch);
                    batch = new Batch();
                    runQuietly(task.action());
                } else {
                    batch.add(item);
                }
            }
            commit(batch);
            pending.clear();
        }
    }

    /**
     * Waits for the next change and takes what else is queued. Lines alone linger a little for company, so one
     * commit (one disk sync) carries many; a lifecycle change, or anything that waits for durability (an answer,
     * a read, the close), is committed at once. While lines linger the writer sleeps: each line does not wake it
     * (that wake-up would cost more than writing the line), only something urgent does.
     */
    private void collect(List<Object> pending) throws InterruptedException {
        pending.add(queue.take());
        long deadline = System.nanoTime() + LINGER.toNanos();
        int checked = 0;
        while (true) {
            queue.drainTo(pending, MAX_BATCH - pending.size());
            for (; checked < pending.size(); checked++) {
                if (!(pending.get(checked) instanceof Store.Message)) {
                    return;
                }
            }
            long left = deadline - System.nanoTime();
            if (pending.size() >= MAX_BATCH || left <= 0) {
                return;
            }
            lingering = true;
            if (queue.isEmpty()) { // looked at after saying so: what comes now finds the writer lingering
                LockSupport.parkNanos(this, left);
            }
            lingering = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Writes the batch, trying again until the database takes it (or the journal is closing and gives up). */
    private void commit(Batch batch) {
        while (!batch.isEmpty()) {
            try {
                store.write(batch);
                written.addAndGet(batch.size());
                return;
            } catch (StoreException e) {
                if (stopping) {
                    LOG.error("the store refused {} changes at shutdown; they are lost", batch.size(), e);
                    return;
                }
                LOG.warn("the store refused {} changes; trying again in {}", batch.size(), RETRY, e);
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("a task after a store write failed", e);
        }
    }

    /** Writes what is left, then stops the thread. */
    @Override
    public void close() {
        queue.add(STOP);
        hurry();
        try {
            writer.join(CLOSE_WAIT.toMillis());
            stopping = true;
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
