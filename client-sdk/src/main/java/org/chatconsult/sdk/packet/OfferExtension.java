package org.chatconsult.sdk.packet;

import java.time.Instant;
import java.util.List;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * An offer of a chat to an agent, with its preview: who wrote, to which routing point, when, and the first line.
 *
 * <pre>{@code
 * OfferExtension offer = OfferExtension.from(message);
 * System.out.println(offer.getContactName() + " via " + offer.getRoutingPointName() + ": " + offer.getPreview());
 * }</pre>
 */
public final class OfferExtension extends Offer {
    public static final String ELEMENT = Wire.OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    /** Who wrote, to which routing point, and when: a consultation's preview without its lines. */
    private final Preview chat;
    private final String preview;

    public OfferExtension(String id, String interaction, EntityBareJid room, Instant expires, EntityBareJid contact,
            String contactName, EntityBareJid routingPoint, String routingPointName, Instant started, String preview) {
        super(id, new Attributes(), interaction, room, expires);
        this.chat = new Preview(contact, contactName, routingPoint, routingPointName, started, List.of());
        this.preview = preview;
    }

    /** The offer in a message, or null. */
    public static OfferExtension from(Stanza stanza) {
        return stanza.getExtension(OfferExtension.class);
    }

    public EntityBareJid getContact() {
        return chat.getContact();
    }

    public String getContactName() {
        return chat.getContactName();
    }

    public EntityBareJid getRoutingPoint() {
        return chat.getRoutingPoint();
    }

    public String getRoutingPointName() {
        return chat.getRoutingPointName();
    }

    public Instant getStarted() {
        return chat.getStarted();
    }

    /** The contact's first line. */
    public String getPreview() {
        return preview;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    void appendContent(XmlStringBuilder xml) {
        chat.appendTo(xml);
        xml.optElement("preview", preview);
    }
}
