package org.chatconsult.core;

/** Why an interaction ended; each maps to a sentence for the contact and a reason on the destroyed room. */
public enum EndReason {
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

    /** The value used on the wire, e.g. {@code contact-left}. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
