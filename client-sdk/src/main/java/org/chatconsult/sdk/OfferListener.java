package org.chatconsult.sdk;

import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.RevokedExtension;

/**
 * Hears chats offered to this agent, and offers withdrawn.
 *
 * <pre>{@code
 * agents.addOfferListener(offer -> agents.accept(offer, "Alice"));
 * }</pre>
 */
@FunctionalInterface
public interface OfferListener {
    void offerReceived(OfferExtension offer);

    /** The offer is gone: declined, timed out, the agent went Not Ready, or the chat ended. */
    default void offerRevoked(RevokedExtension revoked) {
    }
}
