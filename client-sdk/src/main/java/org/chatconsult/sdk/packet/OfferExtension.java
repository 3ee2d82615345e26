package org.chatconsult.sdk.packet;

import java.time.Instant;
import java.util.Objects;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
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
public final class OfferExtension implements ExtensionElement {
    public static final String ELEMENT = Wire.OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String id;
    private final String interaction;
    private final EntityBareJid room;
    private final Instant expires;
    private final EntityBareJid contact;
    private final String contactName;
    private final EntityBareJid routingPoint;
    private final String routingPointName;
    private final Instant started;
    private final String preview;

    public OfferExtension(String id, String interaction, EntityBareJid room, Instant expires, EntityBareJid contact,
            String contactName, EntityBareJid routingPoint, String routingPointName, Instant started, String preview) {
        this.id = Objects.requireNonNull(id, "id");
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        this.room = Objects.requireNonNull(room, "room");
        this.expires = expires;
        this.contact = contact;
        this.contactName = contactName;
        this.routingPoint = routingPoint;
        this.routingPointName = routingPointName;
        this.started = started;
        this.preview = preview;
    }

    /** The offer in a message, or null. */
    public static OfferExtension from(org.jivesoftware.smack.packet.Stanza stanza) {
        return stanza.getExtension(OfferExtension.class);
    }

    public String getId() {
        return id;
    }

    public String getInteraction() {
        return interaction;
    }

    /** The room to join to accept. */
    public EntityBareJid getRoom() {
        return room;
    }

    public Instant getExpires() {
        return expires;
    }

    public EntityBareJid getContact() {
        return contact;
    }

    public String getContactName() {
        return contactName;
    }

    public EntityBareJid getRoutingPoint() {
        return routingPoint;
    }

    public String getRoutingPointName() {
        return routingPointName;
    }

    public Instant getStarted() {
        return started;
    }

    public String getPreview() {
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
        xml.attribute("id", id).attribute("interaction", interaction).attribute("room", room);
        xml.optAttribute("expires", expires == null ? null : expires.toString());
        xml.rightAngleBracket();
        if (contact != null) {
            xml.halfOpenElement("contact").attribute("jid", contact).optAttribute("name", contactName)
                    .closeEmptyElement();
        }
        if (routingPoint != null) {
            xml.halfOpenElement("routing-point").attribute("jid", routingPoint)
                    .optAttribute("name", routingPointName).closeEmptyElement();
        }
        xml.optElement("started", started == null ? null : started.toString());
        xml.optElement("preview", preview);
        xml.closeElement(this);
        return xml;
    }
}
