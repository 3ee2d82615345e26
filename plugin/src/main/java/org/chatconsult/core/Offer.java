package org.chatconsult.core;

import java.time.Instant;

/** An interaction offered to one agent until {@code expires}. */
public record Offer(String id, String interactionId, String agent, Instant expires) {
}
