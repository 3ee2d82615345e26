package org.chatconsult.core;

import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;

/**
 * What the core decided, for the XMPP layer to carry out. Called on the core's thread: implementations hand
 * I/O to other threads and return at once. Each orchestration feature implements the events it cares about.
 */
public interface ContactCentreListener {
    /** A new chat needs its room; answer with {@link ContactCentre#roomReady} or {@link ContactCentre#end}. */
    default void interactionCreated(Interaction interaction) {
    }

    /** An agent announced Ready, Not Ready or logged out, or changed capacity. */
    default void readinessChanged(Agent agent) {
    }

    /** An offer or a chat took or freed some of this agent's capacity (its load changed). */
    default void loadChanged(Agent agent) {
    }

    /**
     * A chat the previous run left live is back (after a restart), or the service was put out of its room: the
     * room needs re-taking, then {@link ContactCentre#roomReady} if the chat is {@link InteractionState#NEW}.
     */
    default void interactionRestored(Interaction interaction) {
    }

    /** A consultation the previous run left live is back (restored after its interaction), or lost its room. */
    default void consultationRestored(Consultation consultation) {
    }

    /** The server may have restarted under this chat: its room needs re-taking and its people inviting back. */
    default void interactionResumed(Interaction interaction) {
    }

    /** The server may have restarted under this consultation. */
    default void consultationResumed(Consultation consultation) {
    }

    /** The service stops while this chat goes on; it will be restored when the service is back. */
    default void interactionSuspended(Interaction interaction) {
    }

    /** The service stops while this consultation goes on. */
    default void consultationSuspended(Consultation consultation) {
    }

    /** The contact waits; {@code position} counts from 1 among the chats waiting at the same routing point. */
    default void queued(Interaction interaction, int position) {
    }

    default void offered(Interaction interaction, Offer offer) {
    }

    default void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
    }

    default void accepted(Interaction interaction, Agent agent) {
    }

    default void ended(Interaction interaction, EndReason reason) {
    }

    /** The contact of a live chat writes from a new address now ({@code previous}: the one she wrote from before). */
    default void contactRelinked(Interaction interaction, String previous) {
    }

    /** A new consultation needs its room; answer with {@link ConsultationDesk#roomReady} or {@link ConsultationDesk#fail}. */
    default void consultationCreated(Consultation consultation) {
    }

    /** The consultation's room is ready and its request goes out to the targets: the initiator may enter. */
    default void consultationRequested(Consultation consultation) {
    }

    default void consultationOffered(Consultation consultation, Offer offer) {
    }

    default void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
    }

    default void consultationAccepted(Consultation consultation) {
    }

    default void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
    }

    /** A member marked the consultation done; {@link Consultation#isComplete()} says if both have. */
    default void consultationDone(Consultation consultation, Disposition disposition) {
    }

    default void handoverOffered(Handover handover, Offer offer) {
    }

    default void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
    }

    /** The target joined the chat; for a transfer it now owns it. */
    default void handoverAccepted(Handover handover) {
    }

    /** Nobody accepted: {@code reason} is declined, timeout or agent-unavailable. */
    default void handoverReleased(Handover handover, RevokeReason reason) {
    }

    /** An agent who is not the owner left the chat (or was taken out of it by a cold transfer). */
    default void participantLeft(Interaction interaction, String agent) {
    }

    /** A supervisor started watching a chat: her room needs making, and the chat mirroring into it. */
    default void supervisionStarted(Supervision supervision) {
    }

    /**
     * A supervisor's line to the chat's agent ({@code saidInRoom}: she typed it in her room; else it came as a
     * request); {@code firstToAgent}: the agent is not in her room yet.
     */
    default void whispered(Supervision supervision, String text, boolean saidInRoom, boolean firstToAgent) {
    }

    /** A supervisor joins the chat as a visible participant. */
    default void bargedIn(Supervision supervision) {
    }

    /** A supervision is over: "left", {@link SupervisionDesk#CHAT_ENDED}, or the admin console's reason. */
    default void supervisionEnded(Supervision supervision, String reason) {
    }
}
