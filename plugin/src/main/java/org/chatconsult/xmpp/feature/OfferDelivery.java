package org.chatconsult.xmpp.feature;

import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
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
 * Carries offers to agents: makes the agent a member of the room, then sends the offer (our extension with a
 * preview, plus a XEP-0249 invitation any client can follow). Joining the room accepts. A revoked offer takes
 * the membership back, so a late join is refused by the server itself.
 */
public final class OfferDelivery implements ContactCentreListener {
    private static final Logger LOG = LoggerFactory.getLogger(OfferDelivery.class);
    static final int PREVIEW_LENGTH = 500;

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final AgentSessions sessions;
    private final Consumer<Packet> out;

    public OfferDelivery(Addresses addresses, RoomDriver rooms, AgentSessions sessions, Consumer<Packet> out) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.sessions = sessions;
        this.out = out;
    }

    @Override
    public void offered(Interaction interaction, Offer offer) {
        JID agent = sessions.address(offer.agent());
        rooms.affiliate(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()), agent, "member")
                .thenRun(() -> out.accept(offerMessage(interaction, offer, agent)))
                .exceptionally(failure -> {
                    // The offer times out and moves on by itself.
                    LOG.warn("offer {} could not be delivered: {}", offer.id(), failure.getMessage());
                    return null;
                });
    }

    @Override
    public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
        JID agent = sessions.address(offer.agent());
        if (reason != RevokeReason.INTERACTION_ENDED) {
            rooms.removeMember(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()), agent);
        }
        Message message = fromRoutingPoint(interaction, agent);
        message.setBody("The chat offer from " + interaction.contactName() + " was withdrawn (" + reason.token() + ").");
        message.getElement().add(revokedElement(interaction, offer, reason));
        out.accept(message);
    }

    private Message offerMessage(Interaction interaction, Offer offer, JID agent) {
        JID room = addresses.room(interaction.id());
        Message message = fromRoutingPoint(interaction, agent);
        String preview = preview(interaction.firstMessage());
        message.setBody("New chat from " + interaction.contactName() + " via " + interaction.routingPoint().displayName()
                + ": \"" + preview + "\". Join " + room.toBareJID() + " to accept, by " + offer.expires() + ".");
        Element element = Protocol.element(Wire.OFFER);
        element.addAttribute("id", offer.id());
        element.addAttribute("interaction", interaction.id());
        element.addAttribute("room", room.toBareJID());
        element.addAttribute("expires", offer.expires().toString());
        element.addElement("contact").addAttribute("jid", new JID(interaction.contact()).toBareJID())
                .addAttribute("name", interaction.contactName());
        element.addElement("routing-point")
                .addAttribute("jid", addresses.routingPoint(interaction.routingPoint().name()).toBareJID())
                .addAttribute("name", interaction.routingPoint().displayName());
        element.addElement("started").setText(interaction.started().toString());
        element.addElement("preview").setText(preview);
        message.getElement().add(element);
        message.addChildElement("x", Protocol.NS_CONFERENCE)
                .addAttribute("jid", room.toBareJID())
                .addAttribute("reason", "Chat from " + interaction.contactName());
        return message;
    }

    private Message fromRoutingPoint(Interaction interaction, JID agent) {
        Message message = new Message();
        message.setFrom(addresses.routingPoint(interaction.routingPoint().name()));
        message.setTo(agent);
        return message;
    }

    private static Element revokedElement(Interaction interaction, Offer offer, RevokeReason reason) {
        Element element = Protocol.element(Wire.REVOKED);
        element.addAttribute("offer", offer.id());
        element.addAttribute("interaction", interaction.id());
        element.addAttribute("reason", reason.token());
        return element;
    }

    static String preview(String text) {
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH) + "…";
    }
}
