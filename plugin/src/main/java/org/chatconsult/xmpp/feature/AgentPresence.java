package org.chatconsult.xmpp.feature;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.chatconsult.core.Agent;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Readiness;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The service's presence to each agent says the agent's state in words a stock client shows on its roster line
 * ({@code <status/>}, "Ready, 2 of 3 chats"), beside our {@code <agent/>} element for the SDK. A new one goes to
 * the agent's session whenever its readiness or load changes, once per change of the core's (a Not Ready that
 * withdraws three offers says so once).
 */
public final class AgentPresence implements ContactCentreListener {
    private final Addresses addresses;
    private final AgentSessions sessions;
    private final Executor core;
    private final Consumer<Packet> out;
    private final Set<Agent> changed = new LinkedHashSet<>();

    /** {@code core} runs the sending after the core's current step, with what that step left. */
    public AgentPresence(Addresses addresses, AgentSessions sessions, Executor core, Consumer<Packet> out) {
        this.addresses = addresses;
        this.sessions = sessions;
        this.core = core;
        this.out = out;
    }

    @Override
    public void readinessChanged(Agent agent) {
        changedState(agent);
    }

    @Override
    public void loadChanged(Agent agent) {
        changedState(agent);
    }

    private void changedState(Agent agent) {
        if (changed.isEmpty()) {
            core.execute(this::sendChanged);
        }
        changed.add(agent);
    }

    private void sendChanged() {
        for (Agent agent : changed) {
            // A logged-out agent's session is gone (its unavailable presence said so): nothing to tell.
            String session = sessions.session(agent.address());
            if (session != null && agent.readiness() != Readiness.LOGGED_OUT) {
                out.accept(of(addresses.service(), new JID(session), agent));
            }
        }
        changed.clear();
    }

    /** The service's presence to {@code to} about {@code agent} (null: never announced, so logged out). */
    public static Presence of(JID from, JID to, Agent agent) {
        Presence presence = new Presence();
        presence.setFrom(from);
        presence.setTo(to);
        Presence.Show show = show(agent);
        if (show != null) {
            presence.setShow(show);
        }
        presence.setStatus(status(agent));
        if (agent != null) {
            Element element = presence.addChildElement(Wire.AGENT, Protocol.NS);
            element.addAttribute("readiness", agent.readiness().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            element.addAttribute("capacity", String.valueOf(agent.capacity()));
            element.addAttribute("load", String.valueOf(agent.load()));
        }
        return presence;
    }

    /** "Ready, 2 of 3 chats", "Not Ready (break), 1 of 3 chats", "Not Ready", "Logged out". */
    static String status(Agent agent) {
        if (agent == null || agent.readiness() == Readiness.LOGGED_OUT) {
            return "Logged out";
        }
        String load = agent.load() + " of " + agent.capacity() + " chats";
        if (agent.readiness() == Readiness.READY) {
            return "Ready, " + load + (full(agent) ? ", full" : "");
        }
        String reason = agent.reason() == null ? "" : " (" + agent.reason() + ")";
        return "Not Ready" + reason + (agent.load() == 0 ? "" : ", " + load);
    }

    /**
     * RFC 6121 §4.7.2.1: no {@code <show/>} (available) while new chats can come; {@code dnd} (busy) when Ready but
     * full, since none will be offered until one ends; {@code away} when Not Ready; {@code xa} when logged out.
     * A roster's colour then tells at a glance whether offers may arrive.
     */
    private static Presence.Show show(Agent agent) {
        if (agent == null || agent.readiness() == Readiness.LOGGED_OUT) {
            return Presence.Show.xa;
        }
        if (agent.readiness() == Readiness.NOT_READY) {
            return Presence.Show.away;
        }
        return full(agent) ? Presence.Show.dnd : null;
    }

    private static boolean full(Agent agent) {
        return agent.load() >= agent.capacity();
    }
}
