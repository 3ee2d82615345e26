package org.chatconsult.core;

/** Why an offer stopped being valid before it was accepted. */
public enum RevokeReason {
    DECLINED("declined"),
    TIMEOUT("timeout"),
    AGENT_UNAVAILABLE("agent-unavailable"),
    INTERACTION_ENDED("interaction-ended"),
    /** Another agent accepted the consultation first. */
    TAKEN("taken"),
    CONSULTATION_ENDED("consultation-ended");

    private final String token;

    RevokeReason(String token) {
        this.token = token;
    }

    /** The value used on the wire. */
    public String token() {
        return token;
    }
}
