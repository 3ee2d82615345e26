package org.chatconsult.sdk;

import org.jivesoftware.smack.packet.Message;

/**
 * Hears a chat: what is said in it, and its end.
 *
 * <pre>{@code
 * chat.addListener(new InteractionListener() {
 *     public void messageReceived(Interaction chat, Message message) { show(message.getBody()); }
 *     public void ended(Interaction chat, String reason) { close(chat); }
 * });
 * }</pre>
 */
public interface InteractionListener {
    void messageReceived(Interaction interaction, Message message);

    /** The chat ended (its room destroyed; {@code reason} is the service's text), or this agent was handed off it. */
    default void ended(Interaction interaction, String reason) {
    }
}
