package org.chatconsult.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.chatconsult.protocol.Wire;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A supervisor's side of ChatConsult on one connection (a member of the agent group {@code supervisors}): the live
 * chats, and monitoring one of them unseen, from where she whispers to its agent, barges in and leaves. Anyone else
 * asking is refused as for an unknown chat ({@code item-not-found}).
 *
 * <pre>{@code
 * SupervisorManager supervisor = SupervisorManager.getInstanceFor(connection);
 * supervisor.addSupervisionListener(new SupervisionListener() {
 *     public void lineMirrored(Supervision s, MirroredLine line) { System.out.println(line); }
 * });
 * LiveChat chat = supervisor.liveChats().get(0);
 * Supervision watching = supervisor.monitor(chat.getId(), true, "Sue");
 * }</pre>
 *
 * The service is the {@link AgentManager}'s of the connection.
 */
public final class SupervisorManager extends Manager {
    private static final Map<XMPPConnection, SupervisorManager> INSTANCES = new WeakHashMap<>();

    private final Set<SupervisionListener> listeners = new CopyOnWriteArraySet<>();
    /** The supervisions whose room she is in from here, by id: a second handle on a room would hear it twice. */
    private final Map<String, Supervision> entered = new ConcurrentHashMap<>();

    private SupervisorManager(XMPPConnection connection) {
        super(connection);
    }

    public static synchronized SupervisorManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, SupervisorManager::new);
    }

    /** Hears every supervision of this connection; add it before {@link #monitor}, whose room delivers at once. */
    public void addSupervisionListener(SupervisionListener listener) {
        listeners.add(listener);
    }

    public void removeSupervisionListener(SupervisionListener listener) {
        listeners.remove(listener);
    }

    /** The chats live now, oldest first. */
    public List<LiveChat> liveChats() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        List<LiveChat> chats = new ArrayList<>();
        for (StandardExtensionElement chat : supervise().getItems(Wire.CHAT)) {
            chats.add(LiveChat.from(chat));
        }
        return chats;
    }

    /** Her supervisions running now, as the service knows them (from this client or another). */
    public List<SupervisionInfo> supervisions() throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        List<SupervisionInfo> supervisions = new ArrayList<>();
        for (StandardExtensionElement supervision : supervise().getItems(Wire.SUPERVISION)) {
            supervisions.add(SupervisionInfo.from(supervision));
        }
        return supervisions;
    }

    /**
     * Starts watching a live chat ({@code withConsultations}: and its consultations) from her own room, which she
     * enters as {@code nickname}; the chat so far, then every new line, comes to the listeners. Of a chat she
     * watches already, the service answers with that supervision (and this returns the one entered from here).
     */
    public Supervision monitor(String interactionId, boolean withConsultations, String nickname)
            throws XMPPException, SmackException, InterruptedException {
        AgentManager agents = AgentManager.getInstanceFor(connection());
        ResultIQ result = agents.request(Requests.monitor(agents.getService(), interactionId,
                withConsultations));
        SupervisionInfo info = SupervisionInfo.from(result.getPayload());
        entered.values().removeIf(left -> !left.getRoom().isJoined());
        Supervision known = entered.get(info.getId());
        if (known != null) {
            return known;
        }
        Supervision supervision = new Supervision(agents, info, AgentManager.nick(nickname), listeners);
        supervision.join();
        entered.put(info.getId(), supervision);
        return supervision;
    }

    private ResultIQ supervise() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        AgentManager agents = AgentManager.getInstanceFor(connection());
        return agents.request(Requests.supervise(agents.getService()));
    }

    /** An address the service named; null where it named none. */
    static EntityBareJid address(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.entityBareFrom(value);
        } catch (XmppStringprepException e) {
            throw new IllegalStateException("the service named an invalid address: " + value, e);
        }
    }

    static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
