package org.chatconsult.xmpp.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per sender (bare address): {@link Limits#BURST} stanzas at once, refilled at
 * {@link Limits#PER_SECOND}. A stanza over the allowance is refused with an error before anything takes it in,
 * so nothing already accepted is ever dropped. A bucket that has refilled is the same as none, so idle
 * senders' buckets are swept away and the map holds only who sent lately.
 */
public final class SenderRateLimit {
    private static final long SWEEP_NANOS = 10_000_000_000L;
    private static final double NANOS_PER_TOKEN = 1e9 / Limits.PER_SECOND;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong nextSweep;

    public SenderRateLimit(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_NANOS);
    }

    /** Takes one stanza's token from {@code sender}'s allowance; false when there is none left. */
    public boolean allow(String sender) {
        long now = nanoTime.getAsLong();
        long sweepAt = nextSweep.get();
        if (now - sweepAt >= 0 && nextSweep.compareAndSet(sweepAt, now + SWEEP_NANOS)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(sender, s -> new Bucket(now)).take(now);
    }

    /** Senders with a bucket now (for tests and statistics). */
    public int tracked() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens = Limits.BURST;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= Limits.BURST;
        }

        private void refill(long now) {
            tokens = Math.min(Limits.BURST, tokens + (now - updated) / NANOS_PER_TOKEN);
            updated = now;
        }
    }
}
