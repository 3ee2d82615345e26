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

    /**
     * Runs once what was handed over before it is committed; {@code refused} instead if some of it was set aside;
     * {@code unreachable} instead when it needs the store (a read) while the database is out of reach.
     */
    private record Task(Runnable action, Runnable refused, Runnable unreachable) {
    }

    /** Changes held in memory while the database is out of reach; past this, they are set aside on disk. */
    static final int MAX_HELD = 200_000;

    private static final Object STOP = new Object();

    /**
     * What one piece of work handed over ({@link #together}): its changes go into one transaction, and what waits
     * for durability runs after it, so a restart finds all of them or none.
     */
    private record Group(List<Object> changes, List<Task> tasks) {
        boolean urgent() {
            return !tasks.isEmpty() || changes.stream().anyMatch(change -> !(change instanceof Store.Message));
        }
    }

    /** The group being collected on this thread, if any. */
    private final ThreadLocal<Group> collecting = new ThreadLocal<>();

    private final Store store;
    private final SetAside setAside;
    /** Whether a change was set aside since the last task ran: that task is told (the writer's thread only). */
    private boolean refusedSinceTask;
    private volatile boolean unreachable;
    /** The close was asked for while the database was out of reach: stop once the retrying ends. */
    private boolean stopSeen;
    private volatile int held;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** What the writer took from the queue and has not handled yet (the writer's thread only). */
    private final java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
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

    /**
     * Runs {@code work} and hands over everything it hands over as one: a state change and the history entries
     * that tell of it are committed in the same transaction (a service killed in between would otherwise keep the
     * one and lose the other). Nested calls join the outer one.
     */
    public void together(Runnable work) {
        if (collecting.get() != null) {
            work.run();
            return;
        }
        Group group = new Group(new ArrayList<>(), new ArrayList<>());
        collecting.set(group);
        try {
            work.run();
        } finally {
            collecting.remove();
            if (!group.changes().isEmpty() || !group.tasks().isEmpty()) {
                queue.add(group);
                if (group.urgent()) {
                    hurry();
                }
            }
        }
    }

    /** Hands over an agent, interaction or consultation snapshot, a message or an event. */
    public void append(Object change) {
        Group group = collecting.get();
        if (group != null) {
            group.changes().add(change);
            return;
        }
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
        enqueue(new Task(action, refused, null));
    }

    private void enqueue(Task task) {
        Group group = collecting.get();
        if (group != null) {
            group.tasks().add(task);
            return;
        }
        queue.add(task);
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
        Runnable run = () -> {
            try {
                result.complete(read.run(store));
            } catch (StoreException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        enqueue(new Task(run, run, () -> result.completeExceptionally(
                new StoreException("the store is out of reach", null))));
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

    /** Changes held in memory, waiting for the database to be back. */
    public int held() {
        return held;
    }

    private void run() {
        List<Object> collected = new ArrayList<>();
        while (true) {
            try {
                collect(collected);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pending.addAll(collected);
            collected.clear();
            Batch batch = new Batch();
            while (!pending.isEmpty()) {
                Object item = pending.poll();
                if (item == STOP) {
                    commit(batch);
                    return;
                } else if (item instanceof Group group) {
                    group.changes().forEach(batch::add);
                    for (int i = group.tasks().size() - 1; i >= 0; i--) {
                        pending.addFirst(group.tasks().get(i)); // after the group's own changes, in their order
                    }
                } else if (item instanceof Task task) {
                    // Left at the head while the batch before it is written: if the database is out of reach,
                    // waitOut answers it meanwhile rather than keep it waiting.
                    pending.addFirst(task);
                    commit(batch);
                    batch = new Batch();
                    if (pending.peekFirst() == task) {
                        pending.pollFirst();
                        runQuietly(refusedSinceTask ? task.refused() : task.action());
                        refusedSinceTask = false;
                    }
                } else {
                    batch.add(item);
                }
            }
            commit(batch);
            if (stopSeen) {
                return;
            }
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
                Object item = pending.get(checked);
                if (item instanceof Group group ? group.urgent() : !(item instanceof Store.Message)) {
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
                held = 0;
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
                    // Closing with the database still out of reach: what is held goes to the set-aside file.
                    LOG.error("the store is out of reach at shutdown; {} changes go to {}", batch.size(),
                            setAside.file().toAbsolutePath());
                    for (Object change : batch.changes()) {
                        setAside.add(change, e);
                    }
                    return;
                }
                unreachable = true;
                LOG.warn("the store could not take {} changes ({}); trying again in {} s, holding them in memory"
                        + " meanwhile", batch.size(), e.getMessage(), backoff.toSeconds());
                try {
                    waitOut(backoff, batch);
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

    /**
     * While the database is out of reach the service keeps answering: what comes during the backoff joins the
     * held batch (up to {@link #MAX_HELD} changes; past that they are set aside on disk, so still nothing is
     * lost), answers go out without waiting for the write, and reads fail at once.
     */
    private void waitOut(Duration backoff, Batch heldBatch) throws InterruptedException {
        long deadline = System.nanoTime() + backoff.toNanos();
        for (long left = backoff.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Object item = !pending.isEmpty() ? pending.poll()
                    : queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (item == null) {
                break;
            }
            if (item == STOP) {
                stopSeen = true;
            } else if (item instanceof Group group) {
                for (int i = group.tasks().size() - 1; i >= 0; i--) {
                    pending.addFirst(group.tasks().get(i));
                }
                for (int i = group.changes().size() - 1; i >= 0; i--) {
                    pending.addFirst(group.changes().get(i));
                }
            } else if (item instanceof Task task) {
                runQuietly(task.unreachable() != null ? task.unreachable() : task.action());
            } else if (heldBatch.size() < MAX_HELD) {
                heldBatch.add(item);
            } else {
                setAside.add(item, new StoreException("held in memory past " + MAX_HELD
                        + " changes while the store was out of reach", null));
            }
            held = heldBatch.size();
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
