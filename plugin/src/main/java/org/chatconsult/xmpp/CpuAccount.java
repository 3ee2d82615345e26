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
    /**
     * Per thread, a send in progress: the server may hand the service a stanza inside it (the room's echo of a
     * line the service sent). That handling is the service's work, so it is left out of the send's time; and it
     * is not counted as handling, because it ran within a send the thread's own time already holds.
     */
    private final ThreadLocal<SendScope> sends = ThreadLocal.withInitial(SendScope::new);

    private static final class SendScope {
        int depth;
        long handledInside;
    }

    /** Marks the start of work on the current thread. */
    public long enter() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Counts the current thread's CPU time since {@link #enter} as handling a stanza it delivered. */
    public void handled(long entered) {
        long spent = since(entered);
        SendScope scope = sends.get();
        if (scope.depth > 0) {
            scope.handledInside += spent;
        } else {
            delivering.add(spent);
        }
    }

    /** Marks the start of a send on the current thread. */
    public long enterSend() {
        sends.get().depth++;
        return enter();
    }

    /** Counts the current thread's CPU time since {@link #enterSend} as sending, less the handling inside it. */
    public void sent(long entered) {
        long spent = since(entered);
        SendScope scope = sends.get();
        if (--scope.depth == 0) {
            sending.add(spent - scope.handledInside);
            scope.handledInside = 0;
        }
    }

    private static long since(long entered) {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() - entered : 0;
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
