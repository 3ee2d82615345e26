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
 * handed over before them. If the database cannot be reached the batch is kept and tried again, with a backoff
 * up to {@link #MAX_RETRY}: nothing is dropped. A change the database refuses for good (a constraint, a value
 * too long or malformed) is found by writing the batch change by change, set aside ({@link SetAside}) and the
 * journal goes on without it; the first answer waiting behind it hears that it failed.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_BATCH = 2_000;
    private static final Duration RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** How long lines wait for company before they are written: far inside the one second they may take. */
    private static final Duration LINGER = Duration.ofMillis(50);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Reads the store on the journal's thread. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Store store) throws StoreException;
    }

    /** Runs once what was handed over before it is committed; {@code refused} instead if some of it was set aside. */
    private record Task(Runnable action, Runnable refused) {
    }

    private static final Object STOP = new Object();

    private final Store store;
    private final SetAside setAside;
    /** Whether a change was set aside since the last task ran: that task is told (the writer's thread only). */
    private boolean refusedSinceTask;
    private volatile boolean unreachable;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean lingering;

    public Journal(Store store, SetAside setAside) {
        this.store = store;
        this.setAside = setAside;
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
        afterDurable(action, action);
    }

    /**
     * Runs {@code action} once everything handed over so far is committed, or {@code refused} if some of it was
     * refused for good and set aside.
     */
    public void afterDurable(Runnable action, Runnable refused) {
        queue.add(new Task(action, refused));
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

    /** Changes set aside since the journal started. */
    public long setAside() {
        return setAside.count();
    }

    /** Whether the last write found the database out of reach (the journal is retrying). */
    public boolean isRetrying() {
        return unreachable;
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
                    runQuietly(refusedSinceTask ? task.refused() : task.action());
                    refusedSinceTask = false;
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

    /**
     * Writes the batch: trying again while the database cannot be reached (or until the journal is closing and
     * gives up); writing it change by change when the database refuses it, so that only what it refuses for good
     * is set aside.
     */
    private void commit(Batch batch) {
        Duration backoff = RETRY;
        while (!batch.isEmpty()) {
            try {
                store.write(batch);
                written.addAndGet(batch.size());
                if (unreachable) {
                    unreachable = false;
                    LOG.info("the store takes writes again");
                }
                return;
            } catch (StoreException e) {
                if (e.isPermanent()) {
                    refused(batch, e);
                    return;
                }
                if (stopping) {
                    LOG.error("the store refused {} changes at shutdown; they are lost", batch.size(), e);
                    return;
                }
                unreachable = true;
                LOG.warn("the store could not take {} changes ({}); trying again in {} s, holding {} more in memory",
                        batch.size(), e.getMessage(), backoff.toSeconds(), queue.size());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                // A fault of the driver or of ours, not of the database: the batch cannot be written as it is.
                refused(batch, new StoreException("the store failed on a write", e));
                return;
            }
        }
    }

    /** The database refused the batch for good: one change at a time finds what it refuses, which is set aside. */
    private void refused(Batch batch, StoreException why) {
        if (batch.size() == 1) {
            setAside.add(batch.changes().get(0), why);
            refusedSinceTask = true;
            return;
        }
        for (Object change : batch.changes()) {
            commit(new Batch().add(change));
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | StackOverflowError e) {
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
