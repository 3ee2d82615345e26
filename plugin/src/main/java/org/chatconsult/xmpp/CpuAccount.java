package org.chatconsult.xmpp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time the service spends, as the statistics command reports it: on the threads that hand it stanzas
 * (inside Openfire these are Openfire's, shared with everything else) only the time spent in the service, and
 * its own threads in full. Separately, the time spent inside the server's send: inside Openfire that is the server
 * routing and delivering what the service sends (on the service's threads, but the server's work); on an external
 * component it is writing to the socket. Time the JVM spends for it elsewhere (garbage collection, compilation)
 * is not counted.
 */
public final class CpuAccount {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    private final LongAdder delivering = new LongAdder();
    private final LongAdder sending = new LongAdder();

    /** Marks the start of work on the current thread. */
    public long enter() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Counts the current thread's CPU time since {@link #enter} as handling a stanza it delivered. */
    public void handled(long entered) {
        add(delivering, entered);
    }

    /** Counts the current thread's CPU time since {@link #enter} as sending a stanza. */
    public void sent(long entered) {
        add(sending, entered);
    }

    private static void add(LongAdder account, long entered) {
        if (MEASURED) {
            account.add(THREADS.getCurrentThreadCpuTime() - entered);
        }
    }

    /** CPU nanoseconds spent handling stanzas on the threads that delivered them. */
    public long deliveringNanos() {
        return delivering.sum();
    }

    /** CPU nanoseconds spent inside the server's send, on whichever thread sent. */
    public long sendingNanos() {
        return sending.sum();
    }

    /** CPU nanoseconds a thread of the service has used since it started (0 if unknown or ended). */
    public static long nanos(Thread thread) {
        long nanos = thread == null || !MEASURED ? -1 : THREADS.getThreadCpuTime(thread.getId());
        return Math.max(0, nanos);
    }
}
