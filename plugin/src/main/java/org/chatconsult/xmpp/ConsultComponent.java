package org.chatconsult.xmpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.EndReason;
import org.chatconsult.core.Favorites;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Overview;
import org.chatconsult.core.Recents;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.store.Journal;
import org.chatconsult.store.Restoration;
import org.chatconsult.store.SetAside;
import org.chatconsult.store.StateRecorder;
import org.chatconsult.xmpp.edge.ClientMistakes;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.edge.SenderRateLimit;
import org.chatconsult.xmpp.edge.StanzaGuard;
import org.chatconsult.xmpp.edge.StanzaRefusals;
import org.chatconsult.xmpp.edge.Violation;
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
import org.chatconsult.xmpp.handler.ArchiveHandler;
import org.chatconsult.xmpp.handler.ConsultationCommandHandler;
import org.chatconsult.xmpp.handler.ContactHandler;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.chatconsult.xmpp.handler.ReadinessHandler;
import org.chatconsult.xmpp.handler.RoomTrafficHandler;
import org.chatconsult.xmpp.handler.RoutingPointPresence;
import org.chatconsult.xmpp.handler.StatisticsCommand;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The ChatConsult service as a Tinder component: the same code runs inside Openfire and, through
 * {@code org.chatconsult.standalone}, as an external component (XEP-0114) of any XMPP server. Stanzas come in
 * here, go to a handler on the thread that delivered them, and reach the core on its own thread with one
 * hand-off; the core's decisions go out through the orchestration features. It answers discovery (XEP-0030),
 * ping (XEP-0199), entity time (XEP-0202) and last activity (XEP-0012) on every address of its domain, so a MUC
 * service never takes its occupants for ghosts.
 */
public final class ConsultComponent implements Component, Reconnectable, StanzaRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultComponent.class);
    private static final String NS_DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String NS_DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    private static final String NS_TIME = "urn:xmpp:time";
    private static final String NS_LAST = "jabber:iq:last";
    private static final Duration IQ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** How far back a restart takes ended chats and consultations (their repeated actions, a late Mark Done). */
    private static final Duration ENDED_REMEMBERED = Duration.ofDays(1);

    private final ServiceConfig config;
    /** Ticks in milliseconds, what the store keeps: a time read back after a restart equals the one first shown. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Addresses addresses;
    private final CoreThread core = new CoreThread();
    private final IqTracker iqs;
    private final ContactBridge bridge;
    private final ReadinessHandler readiness;
    private final ContactHandler contacts;
    private final RoutingPointPresence routingPoints;
    private final AgentCommandHandler agentCommands;
    private final ConsultationCommandHandler consultationCommands;
    private final AdHocCommandHandler adHocCommands;
    private final DirectoryHandler directoryCommands;
    private final RoomTrafficHandler roomTraffic;
    private final ArchiveHandler archive;
    private final Instant started = Instant.now();
    private final Journal journal;
    private final TranscriptMirror transcripts;
    private final InteractionLog log;
    private final CpuAccount cpu = new CpuAccount();
    private final SenderRateLimit rates = new SenderRateLimit(System::nanoTime);
    private final ClientMistakes mistakes = new ClientMistakes(System::nanoTime);
    private volatile ComponentManager manager;

    public ConsultComponent(ServiceConfig config) {
        this.config = config;
        this.addresses = new Addresses(config.serviceDomain(), config.mucService());
        this.iqs = new IqTracker(this::send, core, IQ_TIMEOUT);
        RoomDriver rooms = new RoomDriver(this::send, iqs, config.mucInvitesMembers());
        AgentSessions sessions = new AgentSessions();
        RoomOccupants occupants = new RoomOccupants();
        this.journal = new Journal(config.store(), new SetAside(config.setAside()));
        this.transcripts = new TranscriptMirror(addresses, this::send, journal::append);
        ConsultationRooms consultationRooms = new ConsultationRooms(addresses, rooms, transcripts, core);
        this.log = new InteractionLog(clock, journal);
        Recents recents = new Recents();
        this.bridge = new ContactBridge(addresses, rooms, iqs, core, this::send, this::sendWhenDurable,
                config.contactCheck(), config.directory(), log);
        this.roomTraffic = new RoomTrafficHandler(addresses, rooms, bridge, occupants, transcripts, core, clock);
        ContactCentreListener features = ContactCentreListener.all(List.of(
                new StateRecorder(journal, clock, sessions::session),
                new ContactNotices(addresses, this::sendWhenDurable),
                new RoomLifecycle(addresses, rooms, bridge, transcripts, core, roomTraffic),
                bridge,
                occupants,
                new OfferDelivery(addresses, rooms, sessions, this::sendWhenDurable),
                transcripts,
                consultationRooms,
                new ConsultationOffers(addresses, rooms, sessions, transcripts, config.directory(),
                        this::sendWhenDurable),
                new ConsultationNotices(addresses, sessions, config.directory(), this::sendWhenDurable),
                new HandoverOffers(addresses, rooms, sessions, transcripts, config.directory(), this::sendWhenDurable),
                log,
                new RecentTargets(recents, clock)));
        core.bind(new ContactCentre(config.settings(), config.directory(), core, clock, Ids::next, features));
        this.readiness = new ReadinessHandler(addresses, sessions, core, iqs, this::send);
        this.contacts = new ContactHandler(core, bridge, this::send);
        this.routingPoints = new RoutingPointPresence(config.directory(), this::send);
        Targets targets = new Targets(addresses, config.directory());
        this.agentCommands = new AgentCommandHandler(core, targets);
        this.consultationCommands = new ConsultationCommandHandler(addresses, core, consultationRooms, sessions, log,
                targets, recents, clock, transcripts);
        this.directoryCommands = new DirectoryHandler(addresses, core, new Favorites(), recents);
        this.adHocCommands = new AdHocCommandHandler(addresses, core, consultationCommands,
                new StatisticsCommand(core, journal, cpu, config.directory(), started), config.directory());
        this.archive = new ArchiveHandler(addresses, core, journal, config.directory(), this::send);
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
    public void initialize(JID jid, ComponentManager componentManager) {
        this.manager = componentManager;
    }

    /**
     * Takes back from the store what the previous run left live (before the first stanza is handled: the core
     * runs the restoration first), starts the contact checks and the retention purge.
     */
    @Override
    public void start() {
        if (addresses.mucService() == null) {
            core.execute(this::discoverMucService);
        }
        try {
            Instant endedSince = clock.instant().minus(ENDED_REMEMBERED);
            Restoration saved = journal.read(store -> Restoration.load(store, endedSince,
                    ContactCentre.MAX_ENDED_REMEMBERED)).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!saved.isEmpty()) {
                LOG.info("restoring {} live interactions and {} consultations", saved.live().interactions().size(),
                        saved.live().consultations().size());
            }
            core.submit(centre -> {
                saved.messages().values().forEach(transcripts::restore);
                saved.events().forEach(log::restore);
                centre.restore(saved.live().agents(), saved.live().interactions(), saved.live().consultations());
                centre.restoreEnded(saved.ended().interactions(), saved.ended().consultations(),
                        saved.ended().doneBy());
                log.restoreEnded(saved.ended().lastEvents());
                readiness.verify(saved.live().agents());
            });
        } catch (Exception e) {
            LOG.error("could not read the store: live chats of the previous run are not restored", e);
        }
        bridge.start();
        if (config.retention() != null) {
            core.schedule(Duration.ZERO, this::purge);
        }
    }

    /**
     * Finds the MUC service by disco before the core does anything else (it runs first on the core thread, which
     * waits for the answers a moment at start; they arrive on the thread that delivers stanzas). Without an
     * answer the service falls back to {@code conference.<server domain>}.
     */
    private void discoverMucService() {
        String serverDomain = config.serviceDomain().substring(config.serviceDomain().indexOf('.') + 1);
        String muc;
        try {
            muc = MucDiscovery.find(iqs, addresses.service(), serverDomain).get(IQ_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            muc = "conference." + serverDomain;
            LOG.warn("could not find the MUC service by disco ({}); using {}", e, muc);
        }
        addresses.mucServiceFound(muc);
        LOG.info("rooms live on {}", muc);
    }

    /**
     * The connection to the server is back after a loss: the server may have restarted and lost the rooms, so
     * every live chat and consultation re-takes its room as after a restart of the service.
     */
    @Override
    public void reconnected() {
        roomTraffic.outage();
        core.submit(ContactCentre::resume);
    }

    /** The server went away: whoever it disconnected from a room just before did not leave their chat. */
    @Override
    public void disconnected() {
        roomTraffic.outage();
    }

    /** Deletes what ended longer ago than the retention period; again every hour. */
    private void purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        journal.read(store -> store.purgeEndedBefore(cutoff)).whenComplete((purged, failure) -> {
            if (failure != null) {
                LOG.warn("purging records older than {} failed", cutoff, failure);
            } else if (purged > 0) {
                LOG.info("purged {} interactions that ended before {}", purged, cutoff);
            }
        });
        core.schedule(PURGE_INTERVAL, this::purge);
    }

    /**
     * Stops without ending anything: the service leaves its rooms, the chats go on between their people, and
     * everything is in the store for the next start to take up (a plugin reload, a restart).
     */
    @Override
    public void shutdown() {
        try {
            core.ask(centre -> {
                centre.suspend();
                return null;
            }).get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("leaving rooms at shutdown failed", e);
        }
        core.close();
        journal.close();
    }

    /** A supervisor ends live chats from the admin console: the ones named, or every one if none is. */
    public CompletableFuture<Integer> endChats(Collection<String> interactionIds) {
        return core.ask(centre -> {
            int ended = 0;
            for (Interaction interaction : centre.interactions()) {
                if (interactionIds.isEmpty() || interactionIds.contains(interaction.id())) {
                    centre.end(interaction.id(), EndReason.SUPERVISOR_ENDED);
                    ended++;
                }
            }
            return ended;
        });
    }

    /** What runs now, for the admin console's live page. */
    public CompletableFuture<Overview> overview() {
        return core.ask(ContactCentre::overview);
    }

    /**
     * Every stanza addressed to the service's domain. Contacts may be users of other servers: nothing is
     * filtered by domain. Handlers never block: what takes time continues on the core thread.
     */
    @Override
    public void processPacket(Packet packet) {
        long entered = cpu.enter();
        try {
            if (!admitted(packet.getElement())) {
                return;
            }
            // Inside Openfire the router may still hold the stanza it hands us: work on our own copy.
            Packet own = manager != null && manager.isExternalMode() ? packet : packet.createCopy();
            if (!(own instanceof IQ) && addresses.mucService() == null) {
                // At start, until the MUC service is found, room traffic cannot be told from other traffic: it
                // waits behind the discovery on the core thread (IQs pass: the discovery waits for its answers).
                core.execute(() -> handle(own));
            } else {
                handle(own);
            }
        } finally {
            cpu.handled(entered);
        }
    }

    /**
     * The edge, before anything reads the stanza: its bounds, type and addresses ({@link StanzaGuard}), then its
     * sender's rate. What fails is answered here and goes no further.
     */
    private boolean admitted(Element stanza) {
        Violation violation = StanzaGuard.check(stanza);
        if (violation == null && !withinRate(stanza)) {
            violation = new Violation(PacketError.Condition.resource_constraint, "too many stanzas: at most "
                    + Limits.PER_SECOND + " a second (" + Limits.BURST + " at once); this one was not taken in,"
                    + " send it again later");
        }
        if (violation != null) {
            refuse(stanza, violation);
        }
        return violation == null;
    }

    /**
     * Requests and messages count against their sender's allowance; answers and errors do not (they answer
     * us), nor does what servers, components and the MUC service send, which is the rooms' own traffic.
     */
    private boolean withinRate(Element stanza) {
        String type = stanza.attributeValue("type");
        if ("error".equals(type) || ("result".equals(type) && stanza.getName().equals("iq"))) {
            return true;
        }
        String from = stanza.attributeValue("from");
        JID sender = from == null ? null : new JID(from);
        if (sender == null || sender.getNode() == null || addresses.isRoom(sender)) {
            return true;
        }
        return rates.allow(sender.toBareJID());
    }

    /**
     * Answers a stanza refused at the edge with its error (none to the MUC service: a room may take an
     * occupant's error for a ghost and remove it), and counts the mistake without a trace.
     */
    @Override
    public void refuse(Element stanza, Violation violation) {
        String from = stanza.attributeValue("from");
        mistakes.refused(from, violation.condition().toXMPP());
        boolean fromRoom = false;
        try {
            fromRoom = from != null && addresses.isRoom(new JID(from));
        } catch (IllegalArgumentException malformed) {
            // answered as any malformed sender: StanzaGuard leaves out what does not parse
        }
        if (!fromRoom) {
            send(StanzaGuard.refusal(stanza, violation));
        }
    }

    private void handle(Packet own) {
        try {
            if (own instanceof IQ) {
                handleIQ((IQ) own);
            } else if (own instanceof Message) {
                handleMessage((Message) own);
            } else if (own instanceof Presence) {
                handlePresence((Presence) own);
            }
        } catch (RuntimeException e) {
            // Our bug, not the client's: the edge let only well-formed stanzas through. The stanza itself stays
            // out of the log (it may be large, and it is a client's).
            LOG.warn("could not handle a {} from {}", own.getElement().getName(), own.getFrom(), e);
            if (own instanceof IQ && ((IQ) own).isRequest()) {
                send(StanzaErrors.reply((IQ) own, StanzaErrors.error(PacketError.Condition.internal_server_error,
                        "the service failed to handle this request")));
            }
        }
    }

    private void handleIQ(IQ iq) {
        if (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
            iqs.answer(iq);
            return;
        }
        Element child = iq.getChildElement();
        if (child == null || child.getNamespaceURI() == null || child.getNamespaceURI().isEmpty()) {
            send(StanzaErrors.reply(iq, StanzaErrors.error(PacketError.Condition.bad_request,
                    "a request needs one child element with a namespace")));
            return;
        }
        IQ answer = iq.getType() == IQ.Type.get ? standardAnswer(iq, child.getNamespaceURI()) : null;
        send(answer != null ? answer : handleRequest(iq));
    }

    /** Discovery, ping, time and last activity, answered on every address of the domain; null for others. */
    private IQ standardAnswer(IQ iq, String namespace) {
        switch (namespace) {
            case NS_DISCO_INFO: {
                IQ reply = IQ.createResultIQ(iq);
                Element query = reply.setChildElement("query", NS_DISCO_INFO);
                query.addElement("identity").addAttribute("category", "component").addAttribute("type", "generic")
                        .addAttribute("name", getName());
                for (String feature : List.of(NS_DISCO_INFO, NS_DISCO_ITEMS, Protocol.NS_PING, NS_TIME, NS_LAST,
                        Protocol.NS, AdHocCommandHandler.NS, DirectoryHandler.NS_SEARCH, ArchiveHandler.NS_MAM)) {
                    query.addElement("feature").addAttribute("var", feature);
                }
                return reply;
            }
            case NS_DISCO_ITEMS:
                return handleDiscoItems(iq);
            case Protocol.NS_PING:
                return IQ.createResultIQ(iq);
            case NS_TIME: {
                IQ reply = IQ.createResultIQ(iq);
                Element time = reply.setChildElement("time", NS_TIME);
                time.addElement("tzo").setText("+00:00");
                time.addElement("utc").setText(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                return reply;
            }
            case NS_LAST: {
                IQ reply = IQ.createResultIQ(iq);
                reply.setChildElement("query", NS_LAST).addAttribute("seconds",
                        String.valueOf(Duration.between(started, Instant.now()).toSeconds()));
                return reply;
            }
            default:
                return null;
        }
    }

    private void send(Packet packet) {
        if (packet == null) {
            return;
        }
        long entered = cpu.enterSend();
        try {
            manager.sendPacket(this, packet);
        } catch (ComponentException e) {
            LOG.warn("could not send {}", packet.toXML(), e);
        } finally {
            cpu.sent(entered);
        }
    }

    /**
     * Offers and notices tell people that something happened (a chat offered, a consultation accepted, ended):
     * they go out once the change they announce is in the store.
     */
    private void sendWhenDurable(Packet packet) {
        journal.afterDurable(() -> send(packet));
    }

    /** Routing points, for clients that browse the service (XEP-0030 §4). */
    private IQ handleDiscoItems(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element query = reply.setChildElement("query", NS_DISCO_ITEMS);
        String node = iq.getChildElement().attributeValue("node");
        if (node != null) {
            query.addAttribute("node", node);
            if (node.equals(AdHocCommandHandler.NS) && addresses.isService(iq.getTo())) {
                adHocCommands.listCommands(query, iq.getFrom().toBareJID());
            }
        } else if (addresses.isService(iq.getTo()) && iq.getTo().getResource() == null) {
            for (RoutingPoint point : config.directory().routingPoints()) {
                query.addElement("item").addAttribute("jid", addresses.routingPoint(point.name()).toBareJID())
                        .addAttribute("name", point.displayName());
            }
        }
        return reply;
    }

    /** Every request gets exactly one reply (RFC 6120 §8.2.3): now, or when the core has decided. */
    private IQ handleRequest(IQ iq) {
        Function<IQ, CompletableFuture<IQ>> handler = handlerFor(iq);
        if (handler == null) {
            String what = iq.getChildElement().getNamespaceURI();
            boolean ours = Protocol.NS.equals(what) && addresses.isService(iq.getTo());
            return StanzaErrors.reply(iq, ours
                    ? StanzaErrors.error(PacketError.Condition.feature_not_implemented,
                            "no such command in " + Protocol.NS)
                    : StanzaErrors.error(PacketError.Condition.service_unavailable, "this namespace is not served here"));
        }
        CompletableFuture<IQ> answered;
        try {
            answered = handler.apply(iq);
        } catch (CoreException refused) {
            answered = CompletableFuture.failedFuture(refused); // a field refused at the edge (Fields)
        }
        // What the request changed is durable before the answer says it is done; a change the store refused for
        // good (set aside for the operator) makes it an error.
        answered.whenComplete((answer, failure) -> journal.afterDurable(
                () -> send(answer != null ? answer : StanzaErrors.reply(iq, StanzaErrors.of(failure))),
                () -> send(StanzaErrors.reply(iq, StanzaErrors.error(PacketError.Condition.internal_server_error,
                        "the change could not be stored; it is set aside for the operator")))));
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
            return agentsOnly(directoryCommands::handle);
        }
        if (AdHocCommandHandler.NS.equals(namespace)) {
            return adHocCommands::handle;
        }
        if (ArchiveHandler.NS_MAM.equals(namespace)) {
            return archive::handle;
        }
        if (!Protocol.NS.equals(namespace)) {
            return null;
        }
        if (AgentCommandHandler.COMMANDS.contains(command)) {
            return agentsOnly(agentCommands::handle);
        }
        if (ConsultationCommandHandler.COMMANDS.contains(command)) {
            return agentsOnly(consultationCommands::handle);
        }
        if (ArchiveHandler.COMMANDS.contains(command)) {
            return archive::handle;
        }
        return DirectoryHandler.COMMANDS.contains(command) ? agentsOnly(directoryCommands::handle) : null;
    }

    /**
     * Commands for agents alone: anyone else is refused before any id in the request is looked at, so the answer
     * tells nothing of what exists.
     */
    private Function<IQ, CompletableFuture<IQ>> agentsOnly(Function<IQ, CompletableFuture<IQ>> handler) {
        return iq -> config.directory().agent(iq.getFrom().toBareJID()).isPresent() ? handler.apply(iq)
                : CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(
                        PacketError.Condition.forbidden, "only the service's agents may use this command")));
    }

    private void handleMessage(Message message) {
        if (addresses.isRoom(message.getFrom())) {
            roomTraffic.handle(message);
        } else if (message.getTo().getNode() != null && !Addresses.BRIDGE_NODE.equals(message.getTo().getNode())) {
            contacts.handle(message);
        } else if (message.getType() != Message.Type.error) {
            send(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.service_unavailable,
                    "write to a routing point, such as one listed by disco#items on " + addresses.service())));
        }
    }

    private void handlePresence(Presence presence) {
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
