package org.chatconsult.protocol;

/** Why an offer stopped being valid before it was accepted: the {@code reason} of {@code <revoked/>}. */
public enum RevokeReason implements WireToken {
    DECLINED,
    TIMEOUT,
    AGENT_UNAVAILABLE,
    INTERACTION_ENDED,
    /** Another agent accepted the consultation first. */
    TAKEN,
    CONSULTATION_ENDED;

    /** The reason a {@link #token()} names; null for one this version does not know. */
    public static RevokeReason ofToken(String token) {
        return WireToken.ofToken(RevokeReason.class, token);
    }
}
