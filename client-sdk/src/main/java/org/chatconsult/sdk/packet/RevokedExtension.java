package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * An offer was withdrawn: {@code declined}, {@code timeout}, {@code agent-unavailable} or
 * {@code interaction-ended}.
 *
 * <pre>{@code
 * RevokedExtension revoked = message.getExtension(RevokedExtension.class);
 * if ("timeout".equals(revoked.getReason())) { ... }
 * }</pre>
 */
public final class RevokedExtension implements ExtensionElement {
    public static final String ELEMENT = "revoked";
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String offer;
    private final String interaction;
    private final String reason;

    public RevokedExtension(String offer, String interaction, String reason) {
        this.offer = offer;
        this.interaction = interaction;
        this.reason = reason;
    }

    public String getOffer() {
        return offer;
    }

    public String getInteraction() {
        return interaction;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String getNamespace() {
        return ChatConsult.NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("offer", offer)
                .attribute("interaction", interaction).attribute("reason", reason).closeEmptyElement();
    }
}
