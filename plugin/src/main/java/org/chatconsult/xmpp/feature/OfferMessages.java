package org.chatconsult.xmpp.feature;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

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
 * What every offer does on the wire, whether of a chat, a consultation, or a conference or transfer: the agent
 * becomes a member of the room first (members-only rooms admit members alone), then the offer goes out with a
 * XEP-0249 invitation any client can follow; a withdrawn offer takes the membership back, so a late join is
 * refused by the server itself.
 */
public final class OfferMessages {
    private static final Logger LOG = LoggerFactory.getLogger(OfferMessages.class);

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final AgentSessions sessions;
    private final Consumer<Packet> out;

    public OfferMessages(Addresses addresses, RoomDriver rooms, AgentSessions sessions, Consumer<Packet> out) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.sessions = sessions;
        this.out = out;
    }

    /** Where the offer goes: the offered agent's session. */
    JID agent(Offer offer) {
        return sessions.address(offer.agent());
    }

    /** Admits the offered agent to the room {@code roomId} names, then sends the offer. */
    void deliver(String roomId, Offer offer, Message message) {
        rooms.affiliate(addresses.room(roomId), addresses.serviceOccupant(roomId), agent(offer), "member")
                .thenRun(() -> out.accept(message)).exceptionally(failure -> {
            // Nobody waits on it: the offer times out and moves on by itself.
            LOG.warn("offer {} could not be delivered: {}", offer.id(), failure.getMessage());
            return null;
        });
    }

    /**
     * Withdraws an offer: the agent is told "The {@code offered} was withdrawn (reason)." with a {@code <revoked/>}
     * naming the offer, the reason and {@code ids} (what it offered); the membership goes too, unless the room goes
     * with its subject ({@code roomGoes}).
     */
    void withdraw(String roomId, Offer offer, RevokeReason reason, RevokeReason roomGoes, JID from, String offered,
            Map<String, String> ids) {
        if (reason != roomGoes) {
            rooms.removeMember(addresses.room(roomId), addresses.serviceOccupant(roomId), agent(offer));
        }
        Element revoked = Protocol.element(Wire.REVOKED);
        revoked.addAttribute("offer", offer.id());
        revoked.addAttribute("reason", reason.token());
        ids.forEach(revoked::addAttribute);
        out.accept(message(from, agent(offer), "The " + offered + " was withdrawn (" + reason.token() + ").",
                revoked));
    }

    /** The offer's element: its id, the room that joining accepts, and its deadline. */
    static Element offerElement(String name, Offer offer, JID room) {
        Element element = Protocol.element(name);
        element.addAttribute("id", offer.id());
        element.addAttribute("room", room.toBareJID());
        element.addAttribute("expires", offer.expires().toString());
        return element;
    }

    /** A XEP-0249 direct invitation: stock clients show its reason and join with a click. */
    static void invite(Message message, JID room, String reason) {
        message.addChildElement("x", Protocol.NS_CONFERENCE).addAttribute("jid", room.toBareJID())
                .addAttribute("reason", reason);
    }

    /**
     * What an offer's invitation reason and body say after the offer itself: how to accept and by when, in words
     * (a stock client shows no timestamp as a deadline); a XEP-0249 invitation has no decline, so letting it pass is
     * how a stock client declines.
     */
    static String howToAnswer(Offer offer) {
        return "Join within " + within(offer.expires()) + " to accept, or let it pass to decline.";
    }

    /** "30 s", "2 min": the time left until {@code deadline}, rounded up. */
    static String within(Instant deadline) {
        long seconds = Math.max(1, (Duration.between(Instant.now(), deadline).toMillis() + 999) / 1000);
        return seconds < 120 ? seconds + " s" : (seconds + 30) / 60 + " min";
    }

    /** "just now", "5 min ago", "2 h ago". */
    static String ago(Instant then) {
        long minutes = Duration.between(then, Instant.now()).toMinutes();
        return minutes < 1 ? "just now" : minutes < 120 ? minutes + " min ago" : minutes / 60 + " h ago";
    }

    /** {@code text} cut to {@code length} characters, an ellipsis saying so. */
    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static Message message(JID from, JID to, String body, Element extension) {
        Message message = new Message();
        message.setFrom(from);
        message.setTo(to);
        message.setBody(body);
        message.getElement().add(extension);
        return message;
    }
}
