package org.chatconsult.xmpp.feature;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Handover;
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
 * Conferences and transfers on the wire: the target is made a member of the contact room itself and offered
 * it (joining accepts, and the contact sees them join); a cold transfer takes the former owner out of the room;
 * a participant who leaves loses the membership. The initiator hears the outcome.
 */
public final class HandoverOffers implements ContactCentreListener {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverOffers.class);

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final AgentSessions sessions;
    private final TranscriptMirror transcripts;
    private final Directory directory;
    private final Consumer<Packet> out;

    public HandoverOffers(Addresses addresses, RoomDriver rooms, AgentSessions sessions, TranscriptMirror transcripts,
            Directory directory, Consumer<Packet> out) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.sessions = sessions;
        this.transcripts = transcripts;
        this.directory = directory;
        this.out = out;
    }

    @Override
    public void handoverOffered(Handover handover, Offer offer) {
        Interaction interaction = handover.interaction();
        JID agent = sessions.address(offer.agent());
        JID room = addresses.room(interaction.id());
        ChatPreview preview = new ChatPreview(interaction, transcripts);
        String verb = handover.kind() == Handover.Kind.CONFERENCE ? "join" : "take over";
        Message message = message(agent, directory.displayName(handover.initiator()) + " asks you to " + verb + " " + preview.text()
                + "\nJoin " + room.toBareJID() + " to accept, by " + offer.expires() + ".");
        Element element = element(Wire.HANDOVER_OFFER, handover);
        element.addAttribute("id", offer.id());
        element.addAttribute("room", room.toBareJID());
        element.addAttribute("expires", offer.expires().toString());
        element.addElement("initiator").addAttribute("jid", handover.initiator())
                .addAttribute("name", directory.displayName(handover.initiator()));
        preview.addTo(element, addresses);
        message.getElement().add(element);
        message.addChildElement("x", Protocol.NS_CONFERENCE).addAttribute("jid", room.toBareJID())
                .addAttribute("reason", "Chat " + handover.kind().token() + " from " + directory.displayName(handover.initiator()));
        affiliate(interaction, agent, "member").thenRun(() -> out.accept(message)).exceptionally(failure -> {
            LOG.warn("{} offer {} could not be delivered: {}", handover.kind().token(), offer.id(), failure.getMessage());
            return null;
        });
    }

    @Override
    public void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
        JID agent = sessions.address(offer.agent());
        if (reason != RevokeReason.INTERACTION_ENDED) {
            removeMember(handover.interaction(), agent);
        }
        // What docs/protocol.md and the SDK's RevokedExtension name: the offer, its handover and chat, the reason.
        Element revoked = Protocol.element(Wire.REVOKED);
        revoked.addAttribute("offer", offer.id());
        revoked.addAttribute("handover", handover.id());
        revoked.addAttribute("interaction", handover.interaction().id());
        revoked.addAttribute("reason", reason.token());
        Message message = message(agent, "The " + handover.kind().token() + " request from "
                + directory.displayName(handover.initiator()) + " was withdrawn (" + reason.token() + ").");
        message.getElement().add(revoked);
        out.accept(message);
    }

    @Override
    public void handoverAccepted(Handover handover) {
        if (handover.kind() == Handover.Kind.COLD_TRANSFER) {
            removeMember(handover.interaction(), new JID(handover.initiator()));
        }
        Element accepted = element(Wire.HANDOVER_ACCEPTED, handover);
        accepted.addAttribute("target", handover.target());
        accepted.addAttribute("name", directory.displayName(handover.target()));
        Message message = message(sessions.address(handover.initiator()), directory.displayName(handover.target()) + " accepted your "
                + handover.kind().token() + " of " + handover.interaction().contactName() + "'s chat.");
        message.getElement().add(accepted);
        out.accept(message);
    }

    @Override
    public void handoverReleased(Handover handover, RevokeReason reason) {
        Element released = element(Wire.HANDOVER_RELEASED, handover);
        released.addAttribute("reason", reason.token());
        Message message = message(sessions.address(handover.initiator()), "Your " + handover.kind().token()
                + " request was not accepted (" + reason.token() + ").");
        message.getElement().add(released);
        out.accept(message);
    }

    @Override
    public void participantLeft(Interaction interaction, String agent) {
        removeMember(interaction, new JID(agent));
    }

    private void removeMember(Interaction interaction, JID agent) {
        rooms.removeMember(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()), agent);
    }

    private CompletableFuture<Void> affiliate(Interaction interaction, JID agent, String affiliation) {
        return rooms.affiliate(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()), agent,
                affiliation);
    }

    private static Element element(String name, Handover handover) {
        Element element = Protocol.element(name);
        element.addAttribute("handover", handover.id());
        element.addAttribute("kind", handover.kind().token());
        element.addAttribute("interaction", handover.interaction().id());
        return element;
    }

    private Message message(JID to, String body) {
        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(to);
        message.setBody(body);
        return message;
    }
}
