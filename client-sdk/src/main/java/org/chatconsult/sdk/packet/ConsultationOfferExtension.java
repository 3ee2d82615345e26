package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jxmpp.jid.EntityBareJid;

/**
 * A request to consult about another agent's chat: who asks, about which chat, and its last lines. Join
 * {@link #getRoom()}, the consultation's room, to accept.
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
public final class ConsultationOfferExtension extends AgentOffer {
    public static final String ELEMENT = Wire.CONSULTATION_OFFER;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public ConsultationOfferExtension(String id, String consultation, String interaction, EntityBareJid room,
            Instant expires, EntityBareJid initiator, String initiatorName, Preview preview) {
        super(id, new Attributes().with("consultation", consultation), interaction, room, expires, initiator,
                initiatorName, preview);
    }

    public String getConsultation() {
        return subject("consultation");
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }
}
