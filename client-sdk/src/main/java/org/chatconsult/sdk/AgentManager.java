package org.chatconsult.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.chatconsult.protocol.Wire;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.ChatConsult;
import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.NoticeExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.provider.ProviderFileLoader;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * An agent's side of ChatConsult on one connection: readiness, offers of chats, consultations, conferences and
 * transfers, and the chats and consultations the agent is in.
 *
 * <pre>{@code
 * AgentManager agents = AgentManager.getInstanceFor(connection);
 * agents.addOfferListener(offer -> {
 *     Interaction chat = agents.accept(offer, "Alice");
 *     chat.send("Hello " + offer.getContactName() + ", how can I help?");
 * });
 * agents.setReady(2);
 * }</pre>
 *
 * The service is {@code consult.<the connection's domain>} unless {@link #setService} says otherwise. Blocking
 * calls wait Smack's reply timeout and throw its typed exceptions; the service's refusals arrive as
 * {@link XMPPException.XMPPErrorException} with the condition and text of docs/protocol.md.
 */
public final class AgentManager extends Manager {
    private static final String PROVIDERS = "org.chatconsult.sdk/chatconsult.providers";
    private static final Map<XMPPConnection, AgentManager> INSTANCES = new WeakHashMap<>();
    private static final String[] NOTICES = {Wire.CONSULTATION_ACCEPTED, Wire.CONSULTATION_ENDED, Wire.HANDOVER_ACCEPTED,
        Wire.HANDOVER_RELEASED};

    static {
        try (InputStream providers = AgentManager.class.getClassLoader().getResourceAsStream(PROVIDERS)) {
            ProviderManager.addLoader(new ProviderFileLoader(providers));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + PROVIDERS, e);
        }
    }

    private final Set<OfferListener> offerListeners = new CopyOnWriteArraySet<>();
    private final Set<AgentStateListener> stateListeners = new CopyOnWriteArraySet<>();
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, Consultation> consultations = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "chatconsult-sdk");
        thread.setDaemon(true);
        return thread;
    });
    private volatile DomainBareJid service;
    private volatile AgentStateExtension state;

    private AgentManager(XMPPConnection connection) {
        super(connection);
        try {
            service = JidCreate.domainBareFrom("consult." + connection.getXMPPServiceDomain());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(e);
        }
        MultiUserChatManager.getInstanceFor(connection).setAutoJoinOnReconnect(true);
        // Listeners may block (accepting enters a room and waits for it): they run on this manager's own thread,
        // never on Smack's, whose limited pool a blocked listener could starve.
        connection.addAsyncStanzaListener(stanza -> background.execute(() -> onStanza(stanza)), this::fromService);
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection reconnected, boolean resumed) {
                // Whatever was said while this client was away is fetched, so no transcript keeps a gap.
                for (Consultation consultation : consultations.values()) {
                    inBackground(() -> refresh(consultation));
                }
            }
        });
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

    /** The chats this agent accepted (or joined by conference or transfer) and that have not ended. */
    public List<Interaction> getInteractions() {
        return new ArrayList<>(interactions.values());
    }

    public List<Consultation> getConsultations() {
        return new ArrayList<>(consultations.values());
    }

    // ---- readiness ---------------------------------------------------------------------------------------

    /** Ready for chats, at the service's default capacity. */
    public void setReady() throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(Requests.ready(service, null));
    }

    /** Ready for up to {@code capacity} chats at once (1–100). */
    public void setReady(int capacity) throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(Requests.ready(service, capacity));
    }

    /** Not Ready: no new offers; chats in progress go on. */
    public void setNotReady(String reason) throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(Requests.notReady(service, reason));
    }

    /** Logged out of the contact centre, while staying connected. */
    public void logOut() throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(Requests.loggedOut(service));
    }

    // ---- offers --------------------------------------------------------------------------------------------

    /** Accepts a chat by entering its room. */
    public Interaction accept(OfferExtension offer, String nickname) throws XMPPException, SmackException,
            InterruptedException {
        return enterInteraction(offer.getInteraction(), offer.getRoom(), nickname);
    }

    /** Accepts a conference or transfer by entering the chat's room. */
    public Interaction accept(HandoverOfferExtension offer, String nickname) throws XMPPException, SmackException,
            InterruptedException {
        return enterInteraction(offer.getInteraction(), offer.getRoom(), nickname);
    }

    /** Accepts a consultation request by entering its room; the transcript then arrives in it. */
    public Consultation accept(ConsultationOfferExtension offer, String nickname) throws XMPPException,
            SmackException, InterruptedException {
        MultiUserChat room = room(offer.getRoom());
        Consultation consultation = new Consultation(this, offer.getConsultation(), offer.getInteraction(), room, null);
        consultations.put(consultation.getId(), consultation);
        room.join(nick(nickname));
        consultation.targetIs(connection().getUser().asBareJid().toString());
        return consultation;
    }

    /** Turns down any offer (by its id); it goes to another agent or is released. */
    public void decline(String offerId, String reason) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        request(Requests.decline(service, offerId, reason));
    }

    public void decline(OfferExtension offer, String reason) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        decline(offer.getId(), reason);
    }

    /** Ends a chat this agent owns: the room is destroyed and the contact told. */
    public void endInteraction(String interaction) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        request(Requests.end(service, interaction));
    }

    // ---- for the SDK's own objects ---------------------------------------------------------------------

    /** Sends a request to the service and returns its one reply, or throws the service's error. */
    @SuppressWarnings("unchecked")
    <T extends IQ> T request(CommandIQ request) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        return (T) connection().sendIqRequestAndWaitForResponse(request);
    }

    XMPPConnection xmppConnection() {
        return connection();
    }

    Consultation enterConsultation(String id, String interaction, String roomAddress, Interaction chat)
            throws XMPPException, SmackException, InterruptedException {
        MultiUserChat room;
        try {
            room = room(JidCreate.entityBareFrom(roomAddress));
        } catch (XmppStringprepException e) {
            throw new IllegalStateException("the service named an invalid room: " + roomAddress, e);
        }
        Consultation consultation = new Consultation(this, id, interaction, room, chat);
        consultations.put(id, consultation);
        room.join(nick(connection().getUser().getLocalpart().toString()));
        return consultation;
    }

    void forget(Interaction interaction) {
        interactions.remove(interaction.getId());
    }

    void inBackground(Runnable task) {
        background.execute(task);
    }

    private Interaction enterInteraction(String id, EntityBareJid roomAddress, String nickname)
            throws XMPPException, SmackException, InterruptedException {
        MultiUserChat room = room(roomAddress);
        Interaction interaction = new Interaction(this, id, room);
        interactions.put(id, interaction);
        room.join(nick(nickname));
        return interaction;
    }

    static Resourcepart nick(String nickname) {
        try {
            return Resourcepart.from(nickname);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a valid nickname: " + nickname, e);
        }
    }

    MultiUserChat room(EntityBareJid address) {
        return MultiUserChatManager.getInstanceFor(connection()).getMultiUserChat(address);
    }

    private static void refresh(Consultation consultation) {
        try {
            consultation.refreshTranscript();
        } catch (Exception e) {
            // An ended consultation has nothing more to fetch.
        }
    }

    private boolean fromService(Stanza stanza) {
        return stanza.getFrom() != null && stanza.getFrom().getDomain().equals(service.getDomain())
                && stanza.hasExtension(ChatConsult.NAMESPACE);
    }

    private void onStanza(Stanza stanza) {
        OfferExtension offer = stanza.getExtension(OfferExtension.class);
        if (offer != null) {
            offerListeners.forEach(l -> l.offerReceived(offer));
        }
        ConsultationOfferExtension consultationOffer = stanza.getExtension(ConsultationOfferExtension.class);
        if (consultationOffer != null) {
            offerListeners.forEach(l -> l.consultationOfferReceived(consultationOffer));
        }
        HandoverOfferExtension handoverOffer = stanza.getExtension(HandoverOfferExtension.class);
        if (handoverOffer != null) {
            offerListeners.forEach(l -> l.handoverOfferReceived(handoverOffer));
        }
        RevokedExtension revoked = stanza.getExtension(RevokedExtension.class);
        if (revoked != null) {
            offerListeners.forEach(l -> l.offerRevoked(revoked));
        }
        SupervisedExtension supervised = stanza.getExtension(SupervisedExtension.class);
        if (supervised != null) {
            offerListeners.forEach(l -> l.supervised(supervised));
        }
        AgentStateExtension agentState = stanza.getExtension(AgentStateExtension.class);
        if (agentState != null && agentState.getReadiness() != null) {
            state = agentState;
            stateListeners.forEach(l -> l.stateChanged(agentState));
        }
        for (String name : NOTICES) {
            ExtensionElement element = stanza.getExtensionElement(name, ChatConsult.NAMESPACE);
            if (element instanceof NoticeExtension && ((NoticeExtension) element).getConsultation() != null) {
                NoticeExtension notice = (NoticeExtension) element;
                Consultation consultation = notice.getElementName().equals(Wire.CONSULTATION_ENDED)
                        ? consultations.remove(notice.getConsultation())
                        : consultations.get(notice.getConsultation());
                if (consultation != null) {
                    consultation.onNotice(notice);
                }
            }
        }
    }
}
