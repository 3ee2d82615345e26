package org.chatconsult.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.chatconsult.sdk.packet.AgentCommandIQ;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.ChatConsult;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.provider.ProviderFileLoader;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatException;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * An agent's side of ChatConsult on one connection: readiness, offers, and ending chats.
 *
 * <pre>{@code
 * AgentManager agents = AgentManager.getInstanceFor(connection);
 * agents.addOfferListener(offer -> {
 *     MultiUserChat chat = agents.accept(offer, "Alice");
 *     chat.sendMessage("Hello " + offer.getContactName() + ", how can I help?");
 * });
 * agents.setReady(2);
 * }</pre>
 *
 * The service is {@code consult.<the connection's domain>} unless {@link #setService} says otherwise.
 */
public final class AgentManager extends Manager {
    private static final String PROVIDERS = "org.chatconsult.sdk/chatconsult.providers";
    private static final Map<XMPPConnection, AgentManager> INSTANCES = new WeakHashMap<>();

    static {
        try (InputStream providers = AgentManager.class.getClassLoader().getResourceAsStream(PROVIDERS)) {
            ProviderManager.addLoader(new ProviderFileLoader(providers));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + PROVIDERS, e);
        }
    }

    private final Set<OfferListener> offerListeners = new CopyOnWriteArraySet<>();
    private final Set<AgentStateListener> stateListeners = new CopyOnWriteArraySet<>();
    private volatile DomainBareJid service;
    private volatile AgentStateExtension state;

    private AgentManager(XMPPConnection connection) {
        super(connection);
        try {
            service = JidCreate.domainBareFrom("consult." + connection.getXMPPServiceDomain());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(e);
        }
        connection.addAsyncStanzaListener(this::onStanza, this::fromService);
    }

    public static synchronized AgentManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, AgentManager::new);
    }

    /** The service's address, e.g. {@code consult.example.com}. */
    public DomainBareJid getService() {
        return service;
    }

    public void setService(DomainBareJid service) {
        this.service = service;
    }

    /** The service's last word on this agent, or null before the first readiness change. */
    public AgentStateExtension getState() {
        return state;
    }

    public void addOfferListener(OfferListener listener) {
        offerListeners.add(listener);
    }

    public void removeOfferListener(OfferListener listener) {
        offerListeners.remove(listener);
    }

    public void addAgentStateListener(AgentStateListener listener) {
        stateListeners.add(listener);
    }

    public void removeAgentStateListener(AgentStateListener listener) {
        stateListeners.remove(listener);
    }

    /** Ready for chats, at the service's default capacity. */
    public void setReady() throws SmackException.NotConnectedException, InterruptedException {
        sendReadiness(Presence.Mode.available, null, null);
    }

    /** Ready for up to {@code capacity} chats at once (1–100). */
    public void setReady(int capacity) throws SmackException.NotConnectedException, InterruptedException {
        sendReadiness(Presence.Mode.available, null, capacity);
    }

    /** Not Ready: no new offers; chats in progress go on. */
    public void setNotReady(String reason) throws SmackException.NotConnectedException, InterruptedException {
        sendReadiness(Presence.Mode.away, reason, null);
    }

    /** Logged out of the contact centre, while staying connected. */
    public void logOut() throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(StanzaBuilder.buildPresence().ofType(Presence.Type.unavailable).to(service).build());
    }

    private void sendReadiness(Presence.Mode mode, String status, Integer capacity)
            throws SmackException.NotConnectedException, InterruptedException {
        PresenceBuilder presence = StanzaBuilder.buildPresence().to(service).setMode(mode);
        if (status != null) {
            presence.setStatus(status);
        }
        if (capacity != null) {
            presence.addExtension(AgentStateExtension.capacity(capacity));
        }
        connection().sendStanza(presence.build());
    }

    /** Accepts an offer by entering its room; returns the room to chat in. */
    public MultiUserChat accept(OfferExtension offer, String nickname) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException,
            MultiUserChatException.NotAMucServiceException, XmppStringprepException {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(connection()).getMultiUserChat(offer.getRoom());
        room.join(Resourcepart.from(nickname));
        return room;
    }

    /** Turns an offer down; the chat goes to another agent. */
    public void decline(OfferExtension offer, String reason) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        connection().sendIqRequestAndWaitForResponse(AgentCommandIQ.decline(service, offer.getId(), reason));
    }

    /** Ends a chat this agent owns: the room is destroyed and the contact told. */
    public void endInteraction(String interaction) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        connection().sendIqRequestAndWaitForResponse(AgentCommandIQ.end(service, interaction));
    }

    private boolean fromService(Stanza stanza) {
        return stanza.getFrom() != null && stanza.getFrom().getDomain().equals(service.getDomain())
                && (stanza.hasExtension(ChatConsult.NAMESPACE));
    }

    private void onStanza(Stanza stanza) {
        OfferExtension offer = stanza.getExtension(OfferExtension.class);
        if (offer != null) {
            offerListeners.forEach(l -> l.offerReceived(offer));
        }
        RevokedExtension revoked = stanza.getExtension(RevokedExtension.class);
        if (revoked != null) {
            offerListeners.forEach(l -> l.offerRevoked(revoked));
        }
        AgentStateExtension agentState = stanza.getExtension(AgentStateExtension.class);
        if (agentState != null && agentState.getReadiness() != null) {
            state = agentState;
            stateListeners.forEach(l -> l.stateChanged(agentState));
        }
    }
}
