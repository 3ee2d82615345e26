package org.chatconsult.core;

import java.time.Duration;
import java.util.Set;

/**
 * Tunables of the contact centre.
 *
 * @param offerTimeout    how long an agent has to accept an offer before it goes to the next agent
 * @param maxQueueWait    how long a contact waits for an agent before the chat closes
 * @param defaultCapacity concurrent chats of an agent who does not announce a capacity
 * @param maxInteractions live interactions the service accepts at once; beyond it new chats are refused
 * @param dispositions    the disposition codes an agent may give when marking done; empty accepts any code
 * @param tellAgentWhenMonitored whether an agent is told that a supervisor started monitoring her chat; off by
 *                        default: silent monitoring, as in the contact-centre products agents know (she learns of
 *                        a supervisor at a whisper or a barge-in)
 */
public record Settings(Duration offerTimeout, Duration maxQueueWait, int defaultCapacity, int maxInteractions,
        Set<String> dispositions, boolean tellAgentWhenMonitored) {
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), Duration.ofMinutes(5), 3, 10_000);

    public Settings(Duration offerTimeout, Duration maxQueueWait, int defaultCapacity, int maxInteractions) {
        this(offerTimeout, maxQueueWait, defaultCapacity, maxInteractions, Set.of());
    }

    public Settings(Duration offerTimeout, Duration maxQueueWait, int defaultCapacity, int maxInteractions,
            Set<String> dispositions) {
        this(offerTimeout, maxQueueWait, defaultCapacity, maxInteractions, dispositions, false);
    }

    /** These settings, with agents told (or not) when a supervisor monitors their chat. */
    public Settings tellingAgentWhenMonitored(boolean tell) {
        return new Settings(offerTimeout, maxQueueWait, defaultCapacity, maxInteractions, dispositions, tell);
    }

    public Settings {
        dispositions = Set.copyOf(dispositions);
        if (offerTimeout.isNegative() || offerTimeout.isZero() || maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (defaultCapacity < 1 || maxInteractions < 1) {
            throw new IllegalArgumentException("capacity and maxInteractions must be at least 1");
        }
    }

    public boolean isDisposition(String code) {
        return !code.isBlank() && (dispositions.isEmpty() || dispositions.contains(code));
    }
}
