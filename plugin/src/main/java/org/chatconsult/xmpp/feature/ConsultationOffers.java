package org.chatconsult.xmpp.feature;

import java.util.Map;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Offer;
import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Carries consultation requests to their targets (Genesys Workspace's Interaction Preview): membership of the
 * consultation room, then a message with who asks, about which chat, and its last lines, plus a XEP-0249
 * invitation. Joining the room accepts; a revoked offer takes the membership back.
 */
public record ConsultationOffers(Addresses addresses, OfferMessages offers, TranscriptMirror transcripts,
        Directory directory) implements ContactCentreListener {
    @Override
    public void consultationOffered(Consultation consultation, Offer offer) {
        offers.deliver(consultation.id(), offer, offerMessage(consultation, offer, offers.agent(offer)));
    }

    @Override
    public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
        offers.withdraw(consultation.id(), offer, reason, RevokeReason.CONSULTATION_ENDED, addresses.service(),
                "consultation request from " + directory.displayName(consultation.initiator()),
                Map.of("consultation", consultation.id(), "interaction", consultation.interaction().id()));
    }

    private Message offerMessage(Consultation consultation, Offer offer, JID agent) {
        Interaction interaction = consultation.interaction();
        JID room = addresses.room(consultation.id());
        ChatPreview preview = new ChatPreview(interaction, transcripts);
        String initiator = directory.displayName(consultation.initiator());
        Element element = OfferMessages.offerElement(Wire.CONSULTATION_OFFER, offer, room);
        element.addAttribute("consultation", consultation.id());
        element.addAttribute("interaction", interaction.id());
        element.addElement("initiator").addAttribute("jid", consultation.initiator()).addAttribute("name", initiator);
        preview.addTo(element, addresses);
        Message message = OfferMessages.message(addresses.service(), agent, initiator + " asks you to consult about "
                + preview.text() + "\nThe consultation's room: " + room.toBareJID() + ". "
                + OfferMessages.howToAnswer(offer), element);
        OfferMessages.invite(message, room, initiator + " asks you to consult about " + preview.chat() + ": "
                + preview.summary() + " " + OfferMessages.howToAnswer(offer));
        return message;
    }
}
