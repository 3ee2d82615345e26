package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread the core runs on, and the only way to reach the {@link ContactCentre}. Routing decisions span interactions (an agent's capacity, a routing point's
 * queue), so the core is serialised as a whole; every step on it is short and does no blocking I/O.
 */
public final class CoreThread implements Scheduler, Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreThread.class);

    private static final int CLOSE_WAIT_SECONDS = 5;

    private volatile Thread thread;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread made = new Thread(r, "chatconsult-core");
        made.setDaemon(true);
        thread = made;
        return made;
    });

    {
        // Offer and request timers are mostly cancelled: drop them at once rather than at their due time.
        executor.setRemoveOnCancelPolicy(true);
    }

    private volatile ContactCentre centre;

    /** The thread itself, once it runs (for its CPU time). */
    public Thread thread() {
        return thread;
    }

    /** Binds the contact centre once it is built (it needs this thread as its scheduler first). */
    public void bind(ContactCentre centre) {
        this.centre = centre;
    }

    /** Runs a command on the contact centre; failures are logged. */
    public void submit(Consumer<ContactCentre> command) {
        execute(() -> command.accept(centre));
    }

    /** Runs a query or command on the contact centre and hands back its result or its refusal. */
    public <T> CompletableFuture<T> ask(Function<ContactCentre, T> query) {
        return call(() -> query.apply(centre));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    /** Runs {@code task} on the core thread and hands back its result. */
    public <T> CompletableFuture<T> call(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("core task failed", e);
            }
        };
    }

    /** Stops, and waits (a little) for the step under way: what it hands the store must come before the store stops. */
    @Override
    public void close() {
        executor.shutdownNow();
        if (Thread.currentThread() != thread) {
            try {
                executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
