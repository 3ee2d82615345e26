package org.chatconsult.protocol;

/** Why a consultation ended. The first three mean it was released: nobody accepted it. */
public enum ConsultationEndReason implements WireToken {
    DECLINED("The consultation request was declined."),
    TIMEOUT("The consultation request was not accepted in time."),
    NO_READY_TARGET("No Ready agent could take the consultation."),
    ENDED_BY_INITIATOR("The consultation was ended by the agent who started it."),
    ENDED_BY_TARGET("The consultation was ended by the consulted agent."),
    INTERACTION_ENDED("The chat with the contact ended."),
    SERVICE_ERROR("The consultation could not be set up.");

    private final String text;

    ConsultationEndReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean isRelease() {
        return this == DECLINED || this == TIMEOUT || this == NO_READY_TARGET;
    }

    /** The reason a {@link #token()} names, as the store keeps it; {@code otherwise} for none or one unknown. */
    public static ConsultationEndReason ofToken(String token, ConsultationEndReason otherwise) {
        ConsultationEndReason reason = WireToken.ofToken(ConsultationEndReason.class, token);
        return reason == null ? otherwise : reason;
    }
}
