package org.chatconsult.protocol;

import java.util.Locale;

/** Why a consultation ended. The first three mean it was released: nobody accepted it. */
public enum ConsultationEndReason {
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
        for (ConsultationEndReason reason : values()) {
            if (reason.token().equals(token)) {
                return reason;
            }
        }
        return otherwise;
    }

    /** The value used on the wire, e.g. {@code no-ready-target}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
