package org.chatconsult.xmpp.feature;

import java.util.Map;
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
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Conferences and transfers on the wire: the target is made a member of the contact room itself and offered
 * it (joining accepts, and the contact sees them join); a cold transfer takes the former owner out of the room;
 * a participant who leaves loses the membership. The initiator hears the outcome.
 */
public final class HandoverOffers implements ContactCentreListener {
    private final Addresses addresses;
    private final RoomDriver rooms;
    private final AgentSessions sessions;
    private final TranscriptMirror transcripts;
    private final Directory directory;
    private final Consumer<Packet> out;
    private final OfferMessages offers;

    public HandoverOffers(Addresses addresses, RoomDriver rooms, AgentSessions sessions, OfferMessages offers,
            TranscriptMirror transcripts, Directory directory, Consumer<Packet> out) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.sessions = sessions;
        this.transcripts = transcripts;
        this.directory = directory;
        this.out = out;
        this.offers = offers;
    }

    @Override
    public void handoverOffered(Handover handover, Offer offer) {
        Interaction interaction = handover.interaction();
        JID agent = offers.agent(offer);
        JID room = addresses.room(interaction.id());
        ChatPreview preview = new ChatPreview(interaction, transcripts);
        String initiator = directory.displayName(handover.initiator());
        String verb = handover.kind() == Handover.Kind.CONFERENCE ? "join" : "take over";
        Element element = OfferMessages.offerElement(Wire.HANDOVER_OFFER, offer, room);
        identify(element, handover);
        element.addElement("initiator").addAttribute("jid", handover.initiator()).addAttribute("name", initiator);
        preview.addTo(element, addresses);
        Message message = OfferMessages.message(addresses.service(), agent, initiator + " asks you to " + verb + " "
                + preview.text() + "\nThe chat's room: " + room.toBareJID() + ". " + OfferMessages.howToAnswer(offer),
                element);
        OfferMessages.invite(message, room, initiator + " asks you to " + verb + " " + preview.chat() + " ("
                + handover.kind().token() + "): " + preview.summary() + " " + OfferMessages.howToAnswer(offer));
        offers.deliver(interaction.id(), offer, message);
    }

    @Override
    public void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
        Interaction interaction = handover.interaction();
        // What docs/protocol.md and the SDK's RevokedExtension name: the offer, its handover and chat, the reason.
        offers.withdraw(interaction.id(), offer, reason, RevokeReason.INTERACTION_ENDED, addresses.service(),
                handover.kind().token() + " request from " + directory.displayName(handover.initiator()),
                Map.of("handover", handover.id(), "interaction", interaction.id()));
    }

    @Override
    public void handoverAccepted(Handover handover) {
        if (handover.kind() == Handover.Kind.COLD_TRANSFER) {
            removeMember(handover.interaction(), new JID(handover.initiator()));
        }
        Element accepted = identify(Protocol.element(Wire.HANDOVER_ACCEPTED), handover);
        accepted.addAttribute("target", handover.target());
        accepted.addAttribute("name", directory.displayName(handover.target()));
        out.accept(OfferMessages.message(addresses.service(), sessions.address(handover.initiator()),
                directory.displayName(handover.target()) + " accepted your " + handover.kind().token() + " of "
                        + handover.interaction().contactName() + "'s chat.", accepted));
    }

    @Override
    public void handoverReleased(Handover handover, RevokeReason reason) {
        Element released = identify(Protocol.element(Wire.HANDOVER_RELEASED), handover);
        released.addAttribute("reason", reason.token());
        out.accept(OfferMessages.message(addresses.service(), sessions.address(handover.initiator()), "Your "
                + handover.kind().token() + " request was not accepted (" + reason.token() + ").", released));
    }

    @Override
    public void participantLeft(Interaction interaction, String agent) {
        removeMember(interaction, new JID(agent));
    }

    private void removeMember(Interaction interaction, JID agent) {
        rooms.removeMember(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()), agent);
    }

    /** Names the handover on one of its elements: its id, its kind and its chat. */
    private static Element identify(Element element, Handover handover) {
        element.addAttribute("handover", handover.id());
        element.addAttribute("kind", handover.kind().token());
        element.addAttribute("interaction", handover.interaction().id());
        return element;
    }
}
