package org.chatconsult.protocol;

/** Why an offer stopped being valid before it was accepted: the {@code reason} of {@code <revoked/>}. */
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

    /** The reason a {@link #token()} names; null for one this version does not know. */
    public static RevokeReason ofToken(String token) {
        for (RevokeReason reason : values()) {
            if (reason.token.equals(token)) {
                return reason;
            }
        }
        return null;
    }

    /** The value used on the wire. */
    public String token() {
        return token;
    }
}
