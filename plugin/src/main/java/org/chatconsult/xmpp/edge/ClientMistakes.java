package org.chatconsult.xmpp.edge;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what clients got wrong: each refusal at DEBUG, and at most once a minute one INFO line counting the
 * refusals since the last, by reason. A client's mistake is never a stack trace and never floods the log.
 */
public final class ClientMistakes {
    private static final Logger LOG = LoggerFactory.getLogger(ClientMistakes.class);
    private static final long SUMMARY_NANOS = 60_000_000_000L;

    private final LongSupplier nanoTime;
    private final Map<String, Long> counts = new TreeMap<>();
    private long nextSummary;

    public ClientMistakes(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSummary = nanoTime.getAsLong() + SUMMARY_NANOS;
    }

    /** A stanza from {@code sender} refused for {@code reason} (a short fixed text of ours). */
    public void refused(String sender, String reason) {
        LOG.debug("refused a stanza from {}: {}", sender, reason);
        String summary = null;
        synchronized (counts) {
            counts.merge(reason, 1L, Long::sum);
            long now = nanoTime.getAsLong();
            if (now - nextSummary >= 0) {
                summary = counts.toString();
                counts.clear();
                nextSummary = now + SUMMARY_NANOS;
            }
        }
        if (summary != null) {
            LOG.info("refused client stanzas in the last minute, by reason: {}", summary);
        }
    }
}
