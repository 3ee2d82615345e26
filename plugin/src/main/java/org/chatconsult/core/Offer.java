package org.chatconsult.core;

import java.time.Instant;

/**
 * A chat, consultation or conference/transfer ({@code subjectId}) offered to one agent until {@code expires};
 * {@code note} is what the agent said on declining it, or null.
 */
public record Offer(String id, String subjectId, String agent, Instant expires, String note) {
    /** An open offer: nothing declined yet. */
    public Offer(String id, String subjectId, String agent, Instant expires) {
        this(id, subjectId, agent, expires, null);
    }

    /** This offer as declined with {@code note} (null for none). */
    Offer withNote(String note) {
        return note == null ? this : new Offer(id, subjectId, agent, expires, note);
    }
}
