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

    private volatile Thread sender;
    private final LongAdder delivering = new LongAdder();
    private final LongAdder sending = new LongAdder();
    /**
     * Per thread, a send in progress: its depth and the handling inside it. The server may hand the service a
     * stanza inside a send (the room's echo of a line the service sent). That handling is the service's work, so
     * it is left out of the send's time; and it is not counted as handling, because it ran within a send the
     * thread's own time already holds. A plain {@code long[]}: the server's threads keep it after the plugin is
     * unloaded, and it must not hold on to the plugin's classes.
     */
    private final ThreadLocal<long[]> sends = ThreadLocal.withInitial(() -> new long[2]);
    private static final int DEPTH = 0;
    private static final int HANDLED_INSIDE = 1;

    /** Marks the start of work on the current thread. */
    public long enter() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Counts the current thread's CPU time since {@link #enter} as handling a stanza it delivered. */
    public void handled(long entered) {
        long spent = since(entered);
        long[] send = sends.get();
        if (send[DEPTH] > 0) {
            send[HANDLED_INSIDE] += spent;
        } else {
            delivering.add(spent);
        }
    }

    /** Marks the start of a send on the current thread. */
    public long enterSend() {
        sends.get()[DEPTH]++;
        return enter();
    }

    /** Counts the current thread's CPU time since {@link #enterSend} as sending, less the handling inside it. */
    public void sent(long entered) {
        long spent = since(entered);
        long[] send = sends.get();
        if (--send[DEPTH] == 0) {
            sending.add(spent - send[HANDLED_INSIDE]);
            send[HANDLED_INSIDE] = 0;
        }
    }

    private static long since(long entered) {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() - entered : 0;
    }

    /** The service's thread that hands what it sends to the server. */
    public void sendsOn(Thread thread) {
        sender = thread;
    }

    /** CPU nanoseconds the sending thread has used (the server's send on it included). */
    public long senderNanos() {
        return nanos(sender);
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
