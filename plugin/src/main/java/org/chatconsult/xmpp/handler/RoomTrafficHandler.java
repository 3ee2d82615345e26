package org.chatconsult.xmpp.handler;

import org.chatconsult.core.EndReason;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Offer;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.feature.ContactBridge;
import org.chatconsult.xmpp.feature.ContactNotices;
import org.chatconsult.xmpp.feature.RoomOccupants;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * What the rooms tell the service's occupant: who entered and left (an offered agent entering accepts; the
 * contact leaving ends the chat), what was said (for the bridge; {@code /end} from the owning agent ends the
 * chat, for agents on stock clients), and declines the MUC service forwards.
 */
public final class RoomTrafficHandler {
    private final Addresses addresses;
    private final RoomDriver rooms;
    private final ContactBridge bridge;
    private final RoomOccupants occupants;
    private final CoreThread core;

    public RoomTrafficHandler(Addresses addresses, RoomDriver rooms, ContactBridge bridge, RoomOccupants occupants,
            CoreThread core) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.bridge = bridge;
        this.occupants = occupants;
        this.core = core;
    }

    public void handle(Presence presence) {
        if (rooms.onPresence(presence) || !isToServiceOccupant(presence.getTo())) {
            return;
        }
        String id = presence.getFrom().getNode();
        JID real = RoomDriver.realAddress(presence);
        if (real == null || RoomDriver.hasStatus(presence, "110")) {
            return;
        }
        String who = real.toBareJID();
        boolean left = presence.getType() == Presence.Type.unavailable;
        String nick = presence.getFrom().getResource();
        core.submit(centre -> centre.interaction(id).ifPresent(chat -> {
            if (left) {
                occupants.left(id, nick);
            } else {
                occupants.entered(id, nick, who);
            }
            if (!left && isOfferedTo(chat, who)) {
                centre.agentJoined(id, who);
            } else if (left && who.equals(new JID(chat.contact()).toBareJID()) && !bridge.isBridged(id)) {
                centre.end(id, EndReason.CONTACT_LEFT);
            }
        }));
    }

    public void handle(Message message) {
        if (!isToServiceOccupant(message.getTo())) {
            return;
        }
        String id = message.getFrom().getNode();
        if (message.getType() == Message.Type.groupchat) {
            core.submit(centre -> centre.interaction(id).ifPresent(chat -> {
                String body = message.getBody();
                String sender = occupants.addressOf(id, message.getFrom().getResource());
                if (body != null && body.trim().equalsIgnoreCase(ContactNotices.END_COMMAND)
                        && sender != null && sender.equals(chat.owner())
                        && message.getChildElement("delay", Protocol.NS_DELAY) == null) {
                    centre.endByAgent(sender, id);
                } else {
                    bridge.fromRoom(chat, message);
                }
            }));
            return;
        }
        Element x = message.getChildElement("x", Protocol.NS_MUC_USER);
        Element decline = x == null ? null : x.element("decline");
        if (decline != null && decline.attributeValue("from") != null) {
            // XEP-0045 §7.8.2: the invitee declined; the room forwards it to the inviter.
            String who = new JID(decline.attributeValue("from")).toBareJID();
            core.submit(centre -> centre.interaction(id).map(Interaction::offer)
                    .filter(offer -> offer.agent().equals(who))
                    .map(Offer::id)
                    .ifPresent(offer -> centre.decline(who, offer)));
        }
    }

    private boolean isToServiceOccupant(JID to) {
        return to != null && addresses.isService(to) && to.getResource() != null;
    }

    private static boolean isOfferedTo(Interaction chat, String agent) {
        return agent.equals(chat.owner()) || (chat.offer() != null && chat.offer().agent().equals(agent));
    }
}
