package org.chatconsult.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Time that moves only when a test says so: a clock and a scheduler in one. */
final class ManualScheduler extends Clock implements Scheduler {
    private Instant now = Instant.parse("2026-01-01T09:00:00Z");
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Cancellable {
        final Instant due;
        final Runnable action;

        Task(Instant due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            tasks.remove(this);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running every task that falls due on the way, in order. */
    void advance(Duration duration) {
        Instant target = now.plus(duration);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.due.isAfter(target)).min(Comparator.comparing(t -> t.due))
                    .orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.due;
            next.action.run();
        }
        now = target;
    }

    int pending() {
        return tasks.size();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
        return this;
    }
}
