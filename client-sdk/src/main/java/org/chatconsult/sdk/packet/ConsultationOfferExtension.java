package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * A request to consult about another agent's chat (Genesys Workspace's Interaction Preview): who asks, about which
 * chat, and its last lines. Join {@link #getRoom()} to accept.
 *
 * <pre>{@code
 * agents.addOfferListener(new OfferListener() {
 *     public void offerReceived(OfferExtension chat) { }
 *     public void consultationOfferReceived(ConsultationOfferExtension request) {
 *         System.out.println(request.getInitiatorName() + " asks about " + request.getPreview().getContactName());
 *     }
 * });
 * }</pre>
 */
public final class ConsultationOfferExtension implements ExtensionElement {
    public static final String ELEMENT = Wire.CONSULTATION_OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String id;
    private final String consultation;
    private final String interaction;
    private final EntityBareJid room;
    private final Instant expires;
    private final EntityBareJid initiator;
    private final String initiatorName;
    private final Preview preview;

    public ConsultationOfferExtension(String id, String consultation, String interaction, EntityBareJid room,
            Instant expires, EntityBareJid initiator, String initiatorName, Preview preview) {
        this.id = id;
        this.consultation = consultation;
        this.interaction = interaction;
        this.room = room;
        this.expires = expires;
        this.initiator = initiator;
        this.initiatorName = initiatorName;
        this.preview = preview;
    }

    public String getId() {
        return id;
    }

    public String getConsultation() {
        return consultation;
    }

    public String getInteraction() {
        return interaction;
    }

    public EntityBareJid getRoom() {
        return room;
    }

    public Instant getExpires() {
        return expires;
    }

    public EntityBareJid getInitiator() {
        return initiator;
    }

    public String getInitiatorName() {
        return initiatorName;
    }

    public Preview getPreview() {
        return preview;
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
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.attribute("id", id).attribute("consultation", consultation).attribute("interaction", interaction)
                .attribute("room", room).optAttribute("expires", expires == null ? null : expires.toString())
                .rightAngleBracket();
        if (initiator != null) {
            xml.halfOpenElement("initiator").attribute("jid", initiator).optAttribute("name", initiatorName)
                    .closeEmptyElement();
        }
        preview.appendTo(xml);
        xml.closeElement(this);
        return xml;
    }
}
