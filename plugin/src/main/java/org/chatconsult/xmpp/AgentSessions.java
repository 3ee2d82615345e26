package org.chatconsult.xmpp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xmpp.packet.JID;

/** The full address each agent announced readiness from, so offers reach that client and not another one. */
public final class AgentSessions {
    private final Map<String, JID> sessions = new ConcurrentHashMap<>();

    public void announced(JID agent) {
        sessions.put(agent.toBareJID(), agent);
    }

    /** Forgets the agent's session if {@code agent} is the one announced; true if it was. */
    public boolean left(JID agent) {
        return sessions.remove(agent.toBareJID(), agent);
    }

    /** The full address the agent announced itself from, or null. */
    public String session(String bareAgent) {
        JID session = sessions.get(bareAgent);
        return session == null ? null : session.toString();
    }

    /** Where to reach the agent: the announced session, or the bare address. */
    public JID address(String bareAgent) {
        return sessions.getOrDefault(bareAgent, new JID(bareAgent));
    }
}
