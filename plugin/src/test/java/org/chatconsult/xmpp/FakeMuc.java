package org.chatconsult.xmpp;

import java.util.function.Consumer;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The least of a MUC service the service needs to run its rooms: every IQ to a room or to the MUC service is
 * answered with an empty result (configuration, affiliations, destruction), and the service's own occupants
 * entering or leaving a room get the self-presence a MUC sends (XEP-0045 §7.2.2, §7.14). Whatever else the
 * service sends to a room (invitations, mirrored lines) is not for the MUC to answer.
 */
final class FakeMuc {
    static final String NS_MUC_USER = "http://jabber.org/protocol/muc#user";

    private final String domain;

    FakeMuc(String domain) {
        this.domain = domain;
    }

    /** Answers {@code packet} through {@code reply} if it is the MUC's to answer; true when it was. */
    boolean answer(Packet packet, Consumer<Packet> reply) {
        JID to = packet.getTo();
        if (to == null || !domain.equals(to.getDomain())) {
            return false;
        }
        if (packet instanceof IQ iq && iq.isRequest()) {
            reply.accept(IQ.createResultIQ(iq));
            return true;
        }
        if (packet instanceof Presence presence && to.getNode() != null && to.getResource() != null) {
            reply.accept(selfPresence(presence));
            return true;
        }
        return false;
    }

    /** The room's answer to an occupant entering (owner, new room: 110 and 201) or leaving (110). */
    private static Presence selfPresence(Presence request) {
        boolean leaving = request.getType() == Presence.Type.unavailable;
        Presence self = new Presence(leaving ? Presence.Type.unavailable : null);
        self.setFrom(request.getTo());
        self.setTo(request.getFrom());
        Element x = self.addChildElement("x", NS_MUC_USER);
        x.addElement("item").addAttribute("affiliation", leaving ? "none" : "owner")
                .addAttribute("role", leaving ? "none" : "moderator");
        x.addElement("status").addAttribute("code", "110");
        if (!leaving) {
            x.addElement("status").addAttribute("code", "201");
        }
        return self;
    }

    /** What a room tells the service's occupant when someone enters it: their real address, as to a moderator. */
    static Presence entered(JID roomOccupant, JID serviceOccupant, JID real, String affiliation) {
        Presence presence = new Presence();
        presence.setFrom(roomOccupant);
        presence.setTo(serviceOccupant);
        presence.addChildElement("x", NS_MUC_USER).addElement("item").addAttribute("affiliation", affiliation)
                .addAttribute("role", "participant").addAttribute("jid", real.toString());
        return presence;
    }
}
