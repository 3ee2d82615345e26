package org.chatconsult.xmpp.dispatch;

import java.util.function.Consumer;

import org.chatconsult.store.Journal;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.IqTracker;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.handler.ContactHandler;
import org.chatconsult.xmpp.handler.ReadinessHandler;
import org.chatconsult.xmpp.handler.RoomTrafficHandler;
import org.chatconsult.xmpp.handler.RoutingPointPresence;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * Where each admitted stanza goes: answers to our requests to {@link IqTracker}, requests through the
 * {@link IqRouter}, room traffic to the rooms' handler, the rest by the address it was sent to (the service,
 * a routing point). Handlers never block: what takes time continues on the core thread.
 */
public record StanzaDispatcher(
        Addresses addresses, IqTracker iqs, IqRouter router, Journal journal, RoomTrafficHandler roomTraffic,
        ContactHandler contacts, ReadinessHandler readiness, RoutingPointPresence routingPoints, Consumer<Packet> out) {
    private static final Logger LOG = LoggerFactory.getLogger(StanzaDispatcher.class);

    public void dispatch(Packet packet) {
        try {
            if (packet instanceof IQ) {
                dispatch((IQ) packet);
            } else if (packet instanceof Message) {
                dispatch((Message) packet);
            } else if (packet instanceof Presence) {
                dispatch((Presence) packet);
            }
        } catch (RuntimeException e) {
            // Our bug, not the client's: the edge let only well-formed stanzas through. The stanza itself stays
            // out of the log (it may be large, and it is a client's).
            LOG.warn("could not handle a {} from {}", packet.getElement().getName(), packet.getFrom(), e);
            if (packet instanceof IQ && ((IQ) packet).isRequest()) {
                out.accept(StanzaErrors.reply((IQ) packet, StanzaErrors.error(
                        PacketError.Condition.internal_server_error, "the service failed to handle this request")));
            }
        }
    }

    /** Every request gets exactly one reply (RFC 6120 §8.2.3): now, or when the core has decided. */
    private void dispatch(IQ iq) {
        if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
            iqs.answer(iq);
            return;
        }
        Element child = iq.getChildElement();
        if (child == null || child.getNamespaceURI() == null || child.getNamespaceURI().isEmpty()) {
            out.accept(StanzaErrors.reply(iq, StanzaErrors.error(PacketError.Condition.bad_request,
                    "a request needs one child element with a namespace")));
            return;
        }
        IqRouter.Routed routed = router.route(iq, addresses.isService(iq.getTo()));
        if (routed.atOnce()) {
            routed.reply().whenComplete((answer, failure) -> out.accept(answer != null ? answer
                    : StanzaErrors.reply(iq, StanzaErrors.of(failure))));
            return;
        }
        // What the request changed is durable before the answer says it is done; a change the store refused for
        // good (set aside for the operator) makes it an error.
        routed.reply().whenComplete((answer, failure) -> journal.afterDurable(
                () -> out.accept(answer != null ? answer : StanzaErrors.reply(iq, StanzaErrors.of(failure))),
                () -> out.accept(StanzaErrors.reply(iq, StanzaErrors.error(
                        PacketError.Condition.internal_server_error,
                        "the change could not be stored; it is set aside for the operator")))));
    }

    private void dispatch(Message message) {
        if (addresses.isRoom(message.getFrom())) {
            roomTraffic.handle(message);
        } else if (message.getTo().getNode() != null && !Addresses.BRIDGE_NODE.equals(message.getTo().getNode())) {
            contacts.handle(message);
        } else if (message.getType() != Message.Type.error) {
            out.accept(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.service_unavailable,
                    "write to a routing point, such as one listed by disco#items on " + addresses.service())));
        }
    }

    private void dispatch(Presence presence) {
        JID to = presence.getTo();
        if (addresses.isRoom(presence.getFrom())) {
            roomTraffic.handle(presence);
        } else if (addresses.isService(to) && to.getResource() == null) {
            readiness.handle(presence);
        } else if (to.getNode() != null && to.getResource() == null && !Addresses.BRIDGE_NODE.equals(to.getNode())) {
            routingPoints.handle(presence);
        }
    }
}
