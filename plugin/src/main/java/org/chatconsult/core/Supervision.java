package org.chatconsult.core;

import java.time.Instant;

/**
 * A supervisor watching one live chat from a private room of her own, which mirrors the chat (and, if she
 * chose, its consultations) read-only. She may whisper to the chat's agent there, barge into the chat itself,
 * and leave. Lives as long as the service runs and the chat is live; what she did is on the chat's log.
 */
public final class Supervision {
    private final String id;
    private final Interaction interaction;
    private final String supervisor;
    private final boolean withConsultations;
    private final Instant started;
    private boolean barged;
    /** The agent admitted to the supervision's room, on the first whisper; null before. */
    private String whisperedTo;

    Supervision(String id, Interaction interaction, String supervisor, boolean withConsultations, Instant started) {
        this.id = id;
        this.interaction = interaction;
        this.supervisor = supervisor;
        this.withConsultations = withConsultations;
        this.started = started;
    }

    public String id() {
        return id;
    }

    public Interaction interaction() {
        return interaction;
    }

    public String supervisor() {
        return supervisor;
    }

    /** Whether the chat's consultations are mirrored into her room too. */
    public boolean withConsultations() {
        return withConsultations;
    }

    public Instant started() {
        return started;
    }

    /** Whether she is a visible participant of the chat now. */
    public boolean barged() {
        return barged;
    }

    void bargeIn() {
        barged = true;
    }

    /** The agent her whispers go to, once she has whispered; null before. */
    public String whisperedTo() {
        return whisperedTo;
    }

    void whisperTo(String agent) {
        whisperedTo = agent;
    }

    /** "monitoring" or "barged": what she is doing now, as the wire says it. */
    public String mode() {
        return barged ? "barged" : "monitoring";
    }
}
