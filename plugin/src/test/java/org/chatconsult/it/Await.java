package org.chatconsult.it;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting in tests: on a condition, with a deadline, never on time alone. This is the one place that polls; a
 * test that must prove something does NOT arrive uses a barrier ({@link Party#barrier}) instead. The few waits
 * where time itself is the subject are named here too, each with its reason.
 */
public final class Await {
    /** The first polls come quickly (most conditions hold within milliseconds), later ones spare the CPU. */
    private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LAST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** A condition; it may talk to the server on its way (a request, a read), and throw what that throws. */
    @FunctionalInterface
    public interface Condition<E extends Exception> {
        boolean met() throws E;
    }

    /** A probe: the value looked for, or null while it is not there yet. */
    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T get() throws E;
    }

    private Await() {
    }

    /** Waits until {@code condition} holds; fails the test with {@code what} if it does not within {@code limit}. */
    public static <E extends Exception> void until(Duration limit, String what, Condition<E> condition)
            throws E, InterruptedException {
        if (!within(limit, condition)) {
            throw new AssertionError(what + ": not so within " + describe(limit));
        }
    }

    /** Whether {@code condition} holds within {@code limit}: for a test that checks the outcome itself. */
    public static <E extends Exception> boolean within(Duration limit, Condition<E> condition)
            throws E, InterruptedException {
        return value(limit, () -> condition.met() ? Boolean.TRUE : null) != null;
    }

    /** The first non-null value of {@code probe} within {@code limit}, or null if none came. */
    public static <T, E extends Exception> T value(Duration limit, Probe<T, E> probe)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = FIRST_POLL_NANOS;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LAST_POLL_NANOS);
        }
    }

    /**
     * Waits until the wall clock has moved past its current millisecond. The service stamps events with a clock
     * that ticks in milliseconds: an event stamped after this returns is later than any stamped before it was
     * called (e.g. which agent has been idle longest).
     */
    public static void nextMillisecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        until(Duration.ofSeconds(1), "the clock moves on", () -> System.currentTimeMillis() > now);
    }

    /**
     * Lets time pass where time itself is what the test is about: spacing requests out (a rate), keeping an
     * outage going, letting a timeout run. {@code why} says which; it is there for the reader.
     */
    public static void pace(Duration interval, String why) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(interval.toNanos());
    }

    /**
     * Waits a fixed time to see that something does NOT happen, where no barrier can show it: the event would
     * come from a timer of the server's own that no request of ours is ordered behind. {@code why} names it.
     */
    public static void quiet(Duration wait, String why) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1_000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
