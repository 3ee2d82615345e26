package org.chatconsult.protocol;

/**
 * Why a chat ended: the {@code reason} of {@code <ended/>}, with a sentence for the contact that is also the
 * reason on the destroyed room.
 */
public enum EndReason implements WireToken {
    CONTACT_LEFT("The contact left the chat."),
    AGENT_ENDED("The agent ended the chat."),
    QUEUE_TIMEOUT("No agent could take the chat in time."),
    SERVICE_ERROR("The chat could not be set up."),
    SUPERVISOR_ENDED("A supervisor ended the chat.");

    private final String text;

    EndReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The reason a {@link #token()} names; null for one this version does not know. */
    public static EndReason ofToken(String token) {
        return WireToken.ofToken(EndReason.class, token);
    }

    /**
     * The reason whose {@link #text()} a destroyed room gave (XEP-0045 §10.9 relays only the text): how a member of
     * the room learns why the chat ended. Null for another text.
     */
    public static EndReason ofText(String text) {
        for (EndReason reason : values()) {
            if (reason.text.equals(text)) {
                return reason;
            }
        }
        return null;
    }
}
