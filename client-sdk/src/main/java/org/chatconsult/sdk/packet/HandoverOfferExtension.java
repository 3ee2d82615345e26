package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * A request to join another agent's chat ({@code conference}) or take it over ({@code warm-transfer},
 * {@code cold-transfer}). Join {@link #getRoom()}, the chat's own room, to accept.
 *
 * <pre>{@code
 * Interaction chat = agents.accept(handoverOffer, "Dora");
 * }</pre>
 */
public final class HandoverOfferExtension implements ExtensionElement {
    public static final String ELEMENT = Wire.HANDOVER_OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String id;
    private final String handover;
    private final String kind;
    private final String interaction;
    private final EntityBareJid room;
    private final Instant expires;
    private final EntityBareJid initiator;
    private final String initiatorName;
    private final Preview preview;

    public HandoverOfferExtension(String id, String handover, String kind, String interaction, EntityBareJid room,
            Instant expires, EntityBareJid initiator, String initiatorName, Preview preview) {
        this.id = id;
        this.handover = handover;
        this.kind = kind;
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

    public String getHandover() {
        return handover;
    }

    /** {@code conference}, {@code warm-transfer} or {@code cold-transfer}. */
    public String getKind() {
        return kind;
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
        xml.attribute("id", id).attribute("handover", handover).attribute("kind", kind)
                .attribute("interaction", interaction).attribute("room", room)
                .optAttribute("expires", expires == null ? null : expires.toString()).rightAngleBracket();
        if (initiator != null) {
            xml.halfOpenElement("initiator").attribute("jid", initiator).optAttribute("name", initiatorName)
                    .closeEmptyElement();
        }
        preview.appendTo(xml);
        xml.closeElement(this);
        return xml;
    }
}
