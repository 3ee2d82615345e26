package org.chatconsult.xmpp.feature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.chatconsult.core.Agent;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;

/**
 * How long a waiting contact may expect to wait: her place in line times the mean wait, from first queued to
 * accepted, of the last {@link #REMEMBERED} chats that waited at the same routing point; {@link #DEFAULT_PER_PLACE}
 * a place while that routing point has no such history yet. Kept in memory: a restart starts without history.
 * Touched on the core thread only.
 */
public final class QueueWaits implements ContactCentreListener {
    /** The wait a place in line counts for before any chat at the routing point waited and was accepted. */
    public static final Duration DEFAULT_PER_PLACE = Duration.ofMinutes(1);
    static final int REMEMBERED = 20;

    private final Clock clock;
    /** When each waiting chat was first queued. */
    private final Map<String, Instant> queuedAt = new HashMap<>();
    /** The last waits that ended in an agent accepting, by routing point, newest last. */
    private final Map<String, Deque<Duration>> waits = new HashMap<>();

    public QueueWaits(Clock clock) {
        this.clock = clock;
    }

    /** The expected wait of the chat at {@code position} (from 1) in its routing point's line. */
    public Duration expected(Interaction interaction, int position) {
        Deque<Duration> recent = waits.get(interaction.routingPoint().name());
        Duration perPlace = recent == null ? DEFAULT_PER_PLACE
                : recent.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recent.size());
        return perPlace.multipliedBy(position);
    }

    @Override
    public void queued(Interaction interaction, int position) {
        queuedAt.putIfAbsent(interaction.id(), clock.instant());
    }

    @Override
    public void accepted(Interaction interaction, Agent agent) {
        Instant since = queuedAt.remove(interaction.id());
        if (since == null) {
            return; // offered at once: no wait in line to learn from
        }
        Deque<Duration> recent = waits.computeIfAbsent(interaction.routingPoint().name(), name -> new ArrayDeque<>());
        recent.addLast(Duration.between(since, clock.instant()));
        if (recent.size() > REMEMBERED) {
            recent.removeFirst();
        }
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        queuedAt.remove(interaction.id());
    }
}
