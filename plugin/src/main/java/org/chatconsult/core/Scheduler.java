package org.chatconsult.core;

import java.time.Duration;

/** Runs a task later on the core's own thread; the seam that lets tests drive time by hand. */
public interface Scheduler {
    Cancellable schedule(Duration delay, Runnable task);

    interface Cancellable {
        void cancel();
    }
}
