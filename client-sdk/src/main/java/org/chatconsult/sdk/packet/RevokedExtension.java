package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

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
public final class RevokedExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.REVOKED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String offer;
    private final String interaction;
    private final String consultation;
    private final String handover;
    private final String reason;

    public RevokedExtension(String offer, String interaction, String consultation, String handover, String reason) {
        this.offer = offer;
        this.interaction = interaction;
        this.consultation = consultation;
        this.handover = handover;
        this.reason = reason;
    }

    /** The consultation the withdrawn offer was about, or null for a chat offer. */
    public String getConsultation() {
        return consultation;
    }

    /** The conference or transfer the withdrawn offer was about, or null. */
    public String getHandover() {
        return handover;
    }

    public String getOffer() {
        return offer;
    }

    public String getInteraction() {
        return interaction;
    }

    /** The reason's token as sent. */
    public String getReason() {
        return reason;
    }

    /** The reason, or null for a token this version does not know. */
    public RevokeReason getRevokeReason() {
        return RevokeReason.ofToken(reason);
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("offer", offer)
                .attribute("interaction", interaction).optAttribute("consultation", consultation)
                .optAttribute("handover", handover).attribute("reason", reason).closeEmptyElement();
    }
}
