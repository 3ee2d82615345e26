package org.chatconsult.xmpp.feature;

import java.util.Map;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Offer;
import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Carries offers to agents: makes the agent a member of the room, then sends the offer (our extension with a
 * preview, plus a XEP-0249 invitation any client can follow). Joining the room accepts. A revoked offer takes
 * the membership back, so a late join is refused by the server itself.
 */
public record OfferDelivery(Addresses addresses, OfferMessages offers) implements ContactCentreListener {
    static final int PREVIEW_LENGTH = 500;

    @Override
    public void offered(Interaction interaction, Offer offer) {
        offers.deliver(interaction.id(), offer, offerMessage(interaction, offer, offers.agent(offer)));
    }

    @Override
    public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
        offers.withdraw(interaction.id(), offer, reason, RevokeReason.INTERACTION_ENDED, routingPoint(interaction),
                "chat offer from " + interaction.contactName(), Map.of("interaction", interaction.id()));
    }

    private Message offerMessage(Interaction interaction, Offer offer, JID agent) {
        JID room = addresses.room(interaction.id());
        String preview = preview(interaction.firstMessage());
        Element element = OfferMessages.offerElement(Wire.OFFER, offer, room);
        element.addAttribute("interaction", interaction.id());
        element.addElement("contact").addAttribute("jid", new JID(interaction.contact()).toBareJID())
                .addAttribute("name", interaction.contactName());
        element.addElement("routing-point").addAttribute("jid", routingPoint(interaction).toBareJID())
                .addAttribute("name", interaction.routingPoint().displayName());
        element.addElement("started").setText(interaction.started().toString());
        element.addElement("preview").setText(preview);
        String chat = "New chat from " + interaction.contactName() + " via " + interaction.routingPoint().displayName();
        Message message = OfferMessages.message(routingPoint(interaction), agent, chat + ": \"" + preview
                + "\"\nThe room: " + room.toBareJID() + ". " + OfferMessages.howToAnswer(offer), element);
        OfferMessages.invite(message, room, chat + ": \"" + OfferMessages.cut(interaction.firstMessage(),
                ChatPreview.SUMMARY_LENGTH) + "\" " + OfferMessages.howToAnswer(offer));
        return message;
    }

    private JID routingPoint(Interaction interaction) {
        return addresses.routingPoint(interaction.routingPoint().name());
    }

    static String preview(String text) {
        return OfferMessages.cut(text, PREVIEW_LENGTH);
    }
}
