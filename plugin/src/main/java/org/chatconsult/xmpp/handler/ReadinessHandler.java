package org.chatconsult.xmpp.handler;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.chatconsult.core.Readiness;
import org.chatconsult.core.Snapshot;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.IqTracker;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.AgentPresence;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * An agent's presence to the service is its readiness (RFC 6121 §4.6 directed presence): available or chat
 * is Ready, away, xa or dnd is Not Ready, unavailable is logged out. {@code <agent capacity='n'/>} sets how
 * many chats the agent takes at once; its presence's {@code <status/>} says why it is Not Ready. The service
 * answers with its view of the agent's state ({@link AgentPresence}). An agent who
 * adds the service to its roster (RFC 6121 §3) is approved, so its client's ordinary presence keeps it informed.
 */
public record ReadinessHandler(
        Addresses addresses, AgentSessions sessions, CoreThread core, IqTracker iqs, Consumer<Packet> out) {
    /**
     * After a restart the store says who was logged in, and from which session; a session that ended while the
     * service was away would never say so now (its unavailable presence went nowhere). So each is asked for
     * its disco#info (XEP-0030, which every client answers; a ping could be refused by a live client): an
     * error means the session is gone (RFC 6121 §8.5.3.1) and the agent is logged out.
     */
    public void verify(List<Snapshot.AgentRecord> agents) {
        for (Snapshot.AgentRecord agent : agents) {
            if (agent.readiness() == Readiness.LOGGED_OUT || agent.session() == null) {
                continue;
            }
            JID session = new JID(agent.session());
            sessions.announced(session);
            IQ disco = new IQ(IQ.Type.get);
            disco.setFrom(addresses.service());
            disco.setTo(session);
            disco.setChildElement("query", Protocol.NS_DISCO_INFO);
            iqs.request(disco).exceptionally(failure -> {
                if (sessions.left(session)) {
                    core.submit(centre -> centre.setReadiness(agent.address(), Readiness.LOGGED_OUT,
                            OptionalInt.empty()));
                }
                return null;
            });
        }
    }

    public void handle(Presence presence) {
        JID from = presence.getFrom();
        Presence.Type type = presence.getType();
        if (type == Presence.Type.unavailable) {
            if (sessions.left(from)) {
                core.submit(centre -> centre.setReadiness(from.toBareJID(), Readiness.LOGGED_OUT, OptionalInt.empty()));
            }
            return;
        }
        if (type == Presence.Type.subscribe || type == Presence.Type.probe) {
            answerSubscription(presence);
            return;
        }
        if (type != null) {
            return; // unsubscriptions and errors say nothing about readiness
        }
        OptionalInt capacity;
        try {
            capacity = capacity(presence);
        } catch (NumberFormatException e) {
            out.accept(StanzaErrors.reply(presence,
                    StanzaErrors.error(PacketError.Condition.bad_request, "capacity must be a whole number")));
            return;
        }
        Readiness readiness = readiness(presence.getShow());
        String reason = reason(presence.getStatus());
        // Accepted, the agent hears its new state from AgentPresence, as after any change of its load.
        core.ask(centre -> {
            sessions.announced(from);
            try {
                return centre.setReadiness(from.toBareJID(), readiness, capacity, reason);
            } catch (RuntimeException refused) {
                sessions.left(from);
                throw refused;
            }
        }).exceptionally(failure -> {
            out.accept(StanzaErrors.reply(presence, StanzaErrors.of(failure)));
            return null;
        });
    }

    /** Agents may subscribe to the service's presence (and it sees theirs in return); nobody else may. */
    private void answerSubscription(Presence request) {
        JID from = request.getFrom();
        JID to = request.getType() == Presence.Type.probe ? from : from.asBareJID();
        // The presence is made on the core's thread, which alone reads the agent's state.
        core.ask(centre -> centre.directory().agent(from.toBareJID()).isEmpty() ? null
                : AgentPresence.of(addresses.service(), to, centre.agent(from.toBareJID()).orElse(null)))
                .thenAccept(online -> {
            boolean agent = online != null;
            Presence answer = new Presence(agent ? Presence.Type.subscribed : Presence.Type.unsubscribed);
            answer.setFrom(addresses.service());
            answer.setTo(from.asBareJID());
            if (request.getType() == Presence.Type.subscribe) {
                out.accept(answer);
            }
            if (agent) {
                out.accept(online);
                if (request.getType() == Presence.Type.subscribe) {
                    // Ask for the agent's presence too, so it reaches the service without directed presence.
                    Presence subscribe = new Presence(Presence.Type.subscribe);
                    subscribe.setFrom(addresses.service());
                    subscribe.setTo(from.asBareJID());
                    out.accept(subscribe);
                }
            }
        });
    }

    private static Readiness readiness(Presence.Show show) {
        return show == null || show == Presence.Show.chat ? Readiness.READY : Readiness.NOT_READY;
    }

    /** The agent's words for Not Ready, on one line and cut to {@link Limits#MAX_READINESS_REASON}; or null. */
    private static String reason(String status) {
        String line = status == null ? "" : status.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= Limits.MAX_READINESS_REASON ? line
                : line.substring(0, Limits.MAX_READINESS_REASON - 1) + "…";
    }

    private static OptionalInt capacity(Presence presence) {
        Element agent = presence.getChildElement(Wire.AGENT, Protocol.NS);
        String value = agent == null ? null : agent.attributeValue("capacity");
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    }
}
