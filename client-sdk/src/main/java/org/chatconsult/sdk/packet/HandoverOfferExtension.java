package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
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
public final class HandoverOfferExtension extends AgentOffer {
    public static final String ELEMENT = Wire.HANDOVER_OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String handover;
    private final String kind;

    public HandoverOfferExtension(String id, String handover, String kind, String interaction, EntityBareJid room,
            Instant expires, EntityBareJid initiator, String initiatorName, Preview preview) {
        super(id, interaction, room, expires, initiator, initiatorName, preview);
        this.handover = handover;
        this.kind = kind;
    }

    public String getHandover() {
        return handover;
    }

    /** {@code conference}, {@code warm-transfer} or {@code cold-transfer}. */
    public String getKind() {
        return kind;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    void appendSubject(XmlStringBuilder xml) {
        xml.attribute("handover", handover).attribute("kind", kind);
    }
}
