package org.chatconsult.xmpp.feature;

import java.util.List;
import java.util.function.Consumer;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Offer;
import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Carries consultation requests to their targets (Genesys Workspace's Interaction Preview): membership of the
 * consultation room, then a message with who asks, about which chat, and its last lines, plus a XEP-0249
 * invitation. Joining the room accepts; a revoked offer takes the membership back.
 */
public final class ConsultationOffers implements ContactCentreListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationOffers.class);

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final AgentSessions sessions;
    private final TranscriptMirror transcripts;
    private final Directory directory;
    private final Consumer<Packet> out;

    public ConsultationOffers(Addresses addresses, RoomDriver rooms, AgentSessions sessions,
            TranscriptMirror transcripts, Directory directory, Consumer<Packet> out) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.sessions = sessions;
        this.transcripts = transcripts;
        this.directory = directory;
        this.out = out;
    }

    @Override
    public void consultationOffered(Consultation consultation, Offer offer) {
        JID agent = sessions.address(offer.agent());
        Message message = offerMessage(consultation, offer, agent);
        rooms.affiliate(addresses.room(consultation.id()), addresses.serviceOccupant(consultation.id()), agent, "member")
                .thenRun(() -> out.accept(message))
                .exceptionally(failure -> {
                    LOG.warn("consultation offer {} could not be delivered: {}", offer.id(), failure.getMessage());
                    return null;
                });
    }

    @Override
    public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
        JID agent = sessions.address(offer.agent());
        if (reason != RevokeReason.CONSULTATION_ENDED) {
            rooms.removeMember(addresses.room(consultation.id()), addresses.serviceOccupant(consultation.id()), agent);
        }
        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(agent);
        message.setBody("The consultation request from " + directory.displayName(consultation.initiator()) + " was withdrawn ("
                + reason.token() + ").");
        Element revoked = Protocol.element(Wire.REVOKED);
        revoked.addAttribute("offer", offer.id());
        revoked.addAttribute("consultation", consultation.id());
        revoked.addAttribute("interaction", consultation.interaction().id());
        revoked.addAttribute("reason", reason.token());
        message.getElement().add(revoked);
        out.accept(message);
    }

    private Message offerMessage(Consultation consultation, Offer offer, JID agent) {
        Interaction interaction = consultation.interaction();
        JID room = addresses.room(consultation.id());
        ChatPreview preview = new ChatPreview(interaction, transcripts);
        String body = directory.displayName(consultation.initiator()) + " asks you to consult about " + preview.text()
                + "\nJoin " + room.toBareJID() + " to accept, by " + offer.expires() + ".";

        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(agent);
        message.setBody(body);
        Element element = Protocol.element(Wire.CONSULTATION_OFFER);
        element.addAttribute("id", offer.id());
        element.addAttribute("consultation", consultation.id());
        element.addAttribute("interaction", interaction.id());
        element.addAttribute("room", room.toBareJID());
        element.addAttribute("expires", offer.expires().toString());
        element.addElement("initiator").addAttribute("jid", consultation.initiator())
                .addAttribute("name", directory.displayName(consultation.initiator()));
        preview.addTo(element, addresses);
        message.getElement().add(element);
        message.addChildElement("x", Protocol.NS_CONFERENCE).addAttribute("jid", room.toBareJID())
                .addAttribute("reason", "Consultation requested by " + directory.displayName(consultation.initiator()));
        return message;
    }
}
