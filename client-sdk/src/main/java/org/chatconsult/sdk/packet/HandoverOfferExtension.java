package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
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

    public HandoverOfferExtension(String id, String handover, String kind, String interaction, EntityBareJid room,
            Instant expires, EntityBareJid initiator, String initiatorName, Preview preview) {
        super(id, new Attributes().with("handover", handover).with("kind", kind), interaction, room, expires,
                initiator, initiatorName, preview);
    }

    public String getHandover() {
        return subject("handover");
    }

    /** {@code conference}, {@code warm-transfer} or {@code cold-transfer}. */
    public String getKind() {
        return subject("kind");
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }
}
