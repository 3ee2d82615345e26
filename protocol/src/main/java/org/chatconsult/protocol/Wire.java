package org.chatconsult.protocol;

/**
 * The names of ChatConsult's own namespace (docs/protocol.md), defined once for the service that writes them and
 * the SDK that reads them (and the reverse for requests). Attributes are described in docs/protocol.md.
 */
public final class Wire {
    /** Our extension namespace: offers, notices, agent state, commands and their results. */
    public static final String NS = "urn:chatconsult:0";

    // ---- what the service sends in messages and presences ----------------------------------------------------

    /** A chat offered to an agent, with its preview. */
    public static final String OFFER = "offer";
    /** The first line of an offered chat, inside {@link #OFFER}. */
    public static final String PREVIEW = "preview";
    /** An offer withdrawn: declined, timed out, taken by another, or its subject ended. */
    public static final String REVOKED = "revoked";
    /** The contact's place in the queue. */
    public static final String QUEUE = "queue";
    /**
     * What a contact needs to take her chat up again from another address: in the welcome from the service, and
     * (its token alone) in her message to the routing point.
     */
    public static final String RESUME = "resume";
    /** An agent joined the chat, told to a contact chatting by message (a bridged contact). */
    public static final String JOINED = "joined";
    /** A chat ended, with its {@link EndReason}. */
    public static final String ENDED = "ended";
    /** A line of the contact chat mirrored into a consultation room. */
    public static final String MIRRORED = "mirrored";
    /**
     * A supervisor's doing told to the chat's agent: {@code action} monitoring (when the settings say so), whisper
     * (with the room to read it in), barged or ended.
     */
    public static final String SUPERVISED = "supervised";
    /** An agent's readiness and load, in the service's presence to the agent; capacity in the agent's. */
    public static final String AGENT = "agent";
    public static final String CONSULTATION_OFFER = "consultation-offer";
    public static final String CONSULTATION_ACCEPTED = "consultation-accepted";
    /** A consultation ended or released, with its {@link ConsultationEndReason}. */
    public static final String CONSULTATION_ENDED = "consultation-ended";
    /** A conference or transfer offered to an agent. */
    public static final String HANDOVER_OFFER = "handover-offer";
    public static final String HANDOVER_ACCEPTED = "handover-accepted";
    public static final String HANDOVER_RELEASED = "handover-released";

    // ---- what the SDK sends ------------------------------------------------------------------------------------

    /** Which chat and consultation a member's line in a consultation room is about. */
    public static final String CONTEXT = "context";

    // ---- requests (IQ child elements) and their results -----------------------------------------------------------

    public static final String DECLINE = "decline";
    public static final String END = "end";
    public static final String CONFERENCE = "conference";
    public static final String TRANSFER = "transfer";
    public static final String DONE = "done";
    public static final String HISTORY = "history";
    public static final String CONSULT = "consult";
    public static final String END_CONSULTATION = "end-consultation";
    public static final String IM = "im";
    public static final String CALL = "call";
    public static final String TRANSCRIPT = "transcript";
    public static final String FAVORITES = "favorites";
    public static final String RECENT = "recent";
    public static final String EXPORT = "export";
    /** A supervisor's requests: the live chats and her supervisions (get), then monitor, whisper, barge, leave. */
    public static final String SUPERVISE = "supervise";
    public static final String MONITOR = "monitor";
    public static final String WHISPER = "whisper";
    public static final String BARGE = "barge";
    public static final String END_SUPERVISION = "end-supervision";
    /** The result of {@link #CONSULT}. */
    public static final String CONSULTATION = "consultation";
    /** The result of {@link #MONITOR} and {@link #BARGE}, and each of hers in the result of {@link #SUPERVISE}. */
    public static final String SUPERVISION = "supervision";
    /** A live chat in the result of {@link #SUPERVISE}. */
    public static final String CHAT = "chat";
    /** The result of {@link #CONFERENCE} and {@link #TRANSFER}. */
    public static final String HANDOVER = "handover";
    /** The result of {@link #IM} and {@link #CALL}: the other member's session. */
    public static final String PARTY = "party";

    private Wire() {
    }
}
