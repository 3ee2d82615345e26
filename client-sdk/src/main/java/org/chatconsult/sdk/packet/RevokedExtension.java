package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;

/**
 * An offer was withdrawn: {@code declined}, {@code timeout}, {@code agent-unavailable},
 * {@code interaction-ended}, {@code taken} or {@code consultation-ended}. An offer of a consultation names it;
 * an offer of a conference or transfer names the handover.
 *
 * <pre>{@code
 * RevokedExtension revoked = message.getExtension(RevokedExtension.class);
 * if ("timeout".equals(revoked.getReason())) { ... }
 * }</pre>
 */
public final class RevokedExtension extends AttributeElement {
    public static final String ELEMENT = Wire.REVOKED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public RevokedExtension(String offer, String interaction, String consultation, String handover, String reason) {
        super(ELEMENT, new Attributes().with("offer", offer).with("interaction", interaction)
                .with("consultation", consultation).with("handover", handover).with("reason", reason));
    }

    /** The consultation the withdrawn offer was about, or null for a chat offer. */
    public String getConsultation() {
        return attribute("consultation");
    }

    /** The conference or transfer the withdrawn offer was about, or null. */
    public String getHandover() {
        return attribute("handover");
    }

    public String getOffer() {
        return attribute("offer");
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    /** The reason's token as sent. */
    public String getReason() {
        return attribute("reason");
    }

    /** The reason, or null for a token this version does not know. */
    public RevokeReason getRevokeReason() {
        return RevokeReason.ofToken(getReason());
    }
}
