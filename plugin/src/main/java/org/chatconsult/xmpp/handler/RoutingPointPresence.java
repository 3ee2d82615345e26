package org.chatconsult.xmpp.handler;

import java.util.function.Consumer;

import org.chatconsult.core.Directory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Presence to a routing point: a contact who adds {@code sales@consult.<domain>} to her roster is approved
 * (RFC 6121 §3.1.5) and sees it available; a probe (§4.3) is answered with its presence; an address that is no
 * routing point declines. Every subscription request gets its answer, so no client waits on a pending one.
 */
public final class RoutingPointPresence {
    private final Directory directory;
    private final Consumer<Packet> out;

    public RoutingPointPresence(Directory directory, Consumer<Packet> out) {
        this.directory = directory;
        this.out = out;
    }

    public void handle(Presence presence) {
        Presence.Type type = presence.getType();
        if (type != Presence.Type.subscribe && type != Presence.Type.probe && type != Presence.Type.unsubscribe) {
            return; // the contact's own availability says nothing to a routing point
        }
        JID point = presence.getTo().asBareJID();
        boolean exists = directory.routingPoint(point.getNode()).isPresent();
        if (type == Presence.Type.subscribe || type == Presence.Type.unsubscribe) {
            boolean approved = exists && type == Presence.Type.subscribe;
            out.accept(answer(point, presence.getFrom().asBareJID(),
                    approved ? Presence.Type.subscribed : Presence.Type.unsubscribed));
            if (!approved) {
                return;
            }
        }
        out.accept(answer(point, presence.getFrom(), exists ? null : Presence.Type.unavailable));
    }

    private static Presence answer(JID from, JID to, Presence.Type type) {
        Presence presence = new Presence(type);
        presence.setFrom(from);
        presence.setTo(to);
        return presence;
    }
}
