package org.chatconsult.sdk;

import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;

/**
 * Hears what is offered to this agent: chats, consultation requests, conferences and transfers, and offers
 * withdrawn; and what supervisors do about the agent's chats.
 *
 * <pre>{@code
 * agents.addOfferListener(offer -> agents.accept(offer, "Alice"));
 * }</pre>
 */
@FunctionalInterface
public interface OfferListener {
    /** A contact chat, routed to this agent. */
    void offerReceived(OfferExtension offer);

    /** Another agent asks this one to consult about their chat. */
    default void consultationOfferReceived(ConsultationOfferExtension offer) {
    }

    /** Another agent asks this one to join (conference) or take over (transfer) their chat. */
    default void handoverOfferReceived(HandoverOfferExtension offer) {
    }

    /** An offer is gone: declined, timed out, taken by another agent, the agent went Not Ready, or it ended. */
    default void offerRevoked(RevokedExtension revoked) {
    }

    /** A supervisor monitors, whispers about (read it in the notice's room), barged into or left one of the chats. */
    default void supervised(SupervisedExtension notice) {
    }
}
