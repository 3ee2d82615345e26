package org.chatconsult.xmpp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Favorites;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Recents;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.xmpp.feature.ConsultationNotices;
import org.chatconsult.xmpp.feature.ConsultationOffers;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.chatconsult.xmpp.feature.ContactBridge;
import org.chatconsult.xmpp.feature.ContactNotices;
import org.chatconsult.xmpp.feature.HandoverOffers;
import org.chatconsult.xmpp.feature.InteractionLog;
import org.chatconsult.xmpp.feature.OfferDelivery;
import org.chatconsult.xmpp.feature.RecentTargets;
import org.chatconsult.xmpp.feature.RoomLifecycle;
import org.chatconsult.xmpp.feature.RoomOccupants;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.chatconsult.xmpp.handler.AdHocCommandHandler;
import org.chatconsult.xmpp.handler.AgentCommandHandler;
import org.chatconsult.xmpp.handler.ConsultationCommandHandler;
import org.chatconsult.xmpp.handler.ContactHandler;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.chatconsult.xmpp.handler.ReadinessHandler;
import org.chatconsult.xmpp.handler.RoomTrafficHandler;
import org.dom4j.Element;
import org.xmpp.component.AbstractComponent;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The ChatConsult service as a Tinder component: the same code runs inside Openfire and, through
 * {@code org.chatconsult.standalone}, as an external component (XEP-0114) of any XMPP server. Stanzas come in
 * here, go to a handler, and reach the core on its own thread; the core's decisions go out through the
 * orchestration features.
 */
public final class ConsultComponent extends AbstractComponent {
    /** One packet thread keeps each sender's stanzas in order; the real work is queued to the core thread. */
    private static final int PACKET_THREADS = 1;
    private static final int PACKET_QUEUE = 100_000;
    private static final Duration IQ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final ServiceConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Addresses addresses;
    private final CoreThread core = new CoreThread();
    private final IqTracker iqs;
    private final ContactBridge bridge;
    private final ReadinessHandler readiness;
    private final ContactHandler contacts;
    private final AgentCommandHandler agentCommands;
    private final ConsultationCommandHandler consultationCommands;
    private final AdHocCommandHandler adHocCommands;
    private final DirectoryHandler directoryCommands;
    private final RoomTrafficHandler roomTraffic;

    public ConsultComponent(ServiceConfig config) {
        super(PACKET_THREADS, PACKET_QUEUE, false);
        this.config = config;
        this.addresses = new Addresses(config.serviceDomain(), config.mucService());
        this.iqs = new IqTracker(this::send, core, IQ_TIMEOUT);
        RoomDriver rooms = new RoomDriver(this::send, iqs);
        AgentSessions sessions = new AgentSessions();
        RoomOccupants occupants = new RoomOccupants();
        TranscriptMirror transcripts = new TranscriptMirror(addresses, this::send);
        ConsultationRooms consultationRooms = new ConsultationRooms(addresses, rooms, core);
        InteractionLog log = new InteractionLog(clock);
        Recents recents = new Recents();
        this.bridge = new ContactBridge(addresses, rooms, iqs, core, this::send, config.contactCheck(),
                config.directory());
        ContactCentreListener features = ContactCentreListener.all(List.of(
                new ContactNotices(addresses, this::send),
                new RoomLifecycle(addresses, rooms, bridge, core),
                bridge,
                occupants,
                new OfferDelivery(addresses, rooms, sessions, this::send),
                transcripts,
                consultationRooms,
                new ConsultationOffers(addresses, rooms, sessions, transcripts, config.directory(), this::send),
                new ConsultationNotices(addresses, sessions, config.directory(), this::send),
                new HandoverOffers(addresses, rooms, sessions, transcripts, config.directory(), this::send),
                log,
                new RecentTargets(recents, clock)));
        core.bind(new ContactCentre(config.settings(), config.directory(), core, clock, Ids::next, features));
        this.readiness = new ReadinessHandler(addresses, sessions, core, this::send);
        this.contacts = new ContactHandler(core, bridge, this::send);
        Targets targets = new Targets(addresses, config.directory());
        this.agentCommands = new AgentCommandHandler(core, targets);
        this.consultationCommands = new ConsultationCommandHandler(addresses, core, consultationRooms, sessions, log,
                targets, recents, clock, transcripts);
        this.directoryCommands = new DirectoryHandler(addresses, core, new Favorites(), recents);
        this.adHocCommands = new AdHocCommandHandler(addresses, core, consultationCommands);
        this.roomTraffic = new RoomTrafficHandler(addresses, rooms, bridge, occupants, transcripts, core, clock);
    }

    public Addresses addresses() {
        return addresses;
    }

    @Override
    public String getName() {
        return "ChatConsult";
    }

    @Override
    public String getDescription() {
        return "Contact-centre chats and consultations";
    }

    @Override
    public String getDomain() {
        return config.serviceDomain();
    }

    /** Contacts may be users of other servers; nothing is filtered by domain. */
    @Override
    public boolean servesLocalUsersOnly() {
        return false;
    }

    @Override
    protected String[] discoInfoFeatureNamespaces() {
        return new String[] {Protocol.NS, AdHocCommandHandler.NS, DirectoryHandler.NS_SEARCH};
    }

    @Override
    public void postComponentStart() {
        bridge.start();
    }

    /** Ends every live chat politely (rooms destroyed, contacts told) before the component goes away. */
    @Override
    public void preComponentShutdown() {
        try {
            core.ask(centre -> {
                centre.shutdown();
                return null;
            }).get(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("ending chats at shutdown failed", e);
        }
    }

    @Override
    public void postComponentShutdown() {
        core.close();
    }

    /** Routing points, for clients that browse the service (XEP-0030 §4). */
    @Override
    protected IQ handleDiscoItems(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element query = reply.setChildElement("query", NAMESPACE_DISCO_ITEMS);
        String node = iq.getChildElement().attributeValue("node");
        if (node != null) {
            query.addAttribute("node", node);
            if (node.equals(AdHocCommandHandler.NS) && addresses.isService(iq.getTo())) {
                adHocCommands.listCommands(query);
            }
        } else if (addresses.isService(iq.getTo()) && iq.getTo().getResource() == null) {
            for (RoutingPoint point : config.directory().routingPoints()) {
                query.addElement("item").addAttribute("jid", addresses.routingPoint(point.name()).toBareJID())
                        .addAttribute("name", point.displayName());
            }
        }
        return reply;
    }

    @Override
    protected IQ handleIQGet(IQ iq) {
        return handleRequest(iq);
    }

    @Override
    protected IQ handleIQSet(IQ iq) {
        return handleRequest(iq);
    }

    /** Every request gets exactly one reply (RFC 6120 §8.2.3): now, or when the core has decided. */
    private IQ handleRequest(IQ iq) {
        Function<IQ, CompletableFuture<IQ>> handler = handlerFor(iq);
        if (handler == null) {
            String what = iq.getChildElement().getNamespaceURI();
            boolean ours = Protocol.NS.equals(what) && addresses.isService(iq.getTo());
            return StanzaErrors.reply(iq, ours
                    ? StanzaErrors.error(PacketError.Condition.feature_not_implemented,
                            "unknown command " + iq.getChildElement().getName())
                    : StanzaErrors.error(PacketError.Condition.service_unavailable, "not served here: " + what));
        }
        handler.apply(iq).whenComplete((answer, failure) -> send(answer != null ? answer
                : StanzaErrors.reply(iq, StanzaErrors.of(failure))));
        return null;
    }

    /** Which handler serves a request to the service: by namespace, and in ours by command. */
    private Function<IQ, CompletableFuture<IQ>> handlerFor(IQ iq) {
        if (!addresses.isService(iq.getTo())) {
            return null;
        }
        String namespace = iq.getChildElement().getNamespaceURI();
        String command = iq.getChildElement().getName();
        if (DirectoryHandler.NS_SEARCH.equals(namespace)) {
            return directoryCommands::handle;
        }
        if (AdHocCommandHandler.NS.equals(namespace)) {
            return adHocCommands::handle;
        }
        if (!Protocol.NS.equals(namespace)) {
            return null;
        }
        if (AgentCommandHandler.COMMANDS.contains(command)) {
            return agentCommands::handle;
        }
        if (ConsultationCommandHandler.COMMANDS.contains(command)) {
            return consultationCommands::handle;
        }
        return DirectoryHandler.COMMANDS.contains(command) ? directoryCommands::handle : null;
    }

    @Override
    protected void handleIQResult(IQ iq) {
        iqs.answer(iq);
    }

    @Override
    protected void handleIQError(IQ iq) {
        iqs.answer(iq);
    }

    @Override
    protected void handleMessage(Message message) {
        if (addresses.isRoom(message.getFrom())) {
            roomTraffic.handle(message);
        } else if (message.getTo().getNode() != null && !Addresses.BRIDGE_NODE.equals(message.getTo().getNode())) {
            contacts.handle(message);
        } else if (message.getType() != Message.Type.error) {
            send(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.service_unavailable,
                    "write to a routing point, such as one listed by disco#items on " + addresses.service())));
        }
    }

    @Override
    protected void handlePresence(Presence presence) {
        JID to = presence.getTo();
        if (addresses.isRoom(presence.getFrom())) {
            roomTraffic.handle(presence);
        } else if (addresses.isService(to) && to.getResource() == null) {
            readiness.handle(presence);
        }
    }

    /** For tests and the admin view: the live interactions, read on the core thread. */
    public List<Interaction> interactions() {
        return core.ask(ContactCentre::interactions).join().stream().toList();
    }
}
