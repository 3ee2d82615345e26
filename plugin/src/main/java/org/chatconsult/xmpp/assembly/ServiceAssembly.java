package org.chatconsult.xmpp.assembly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Favorites;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Overview;
import org.chatconsult.core.Recents;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.store.Journal;
import org.chatconsult.store.Restoration;
import org.chatconsult.store.SetAside;
import org.chatconsult.store.StateRecorder;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.CpuAccount;
import org.chatconsult.xmpp.Ids;
import org.chatconsult.xmpp.IqTracker;
import org.chatconsult.xmpp.MucDiscovery;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.RoomServiceGate;
import org.chatconsult.xmpp.ServiceConfig;
import org.chatconsult.xmpp.Targets;
import org.chatconsult.xmpp.assembly.ListenerPhases.Phase;
import org.chatconsult.xmpp.command.AdHocCommands;
import org.chatconsult.xmpp.command.ConsultCommand;
import org.chatconsult.xmpp.command.ChatDoneCommand;
import org.chatconsult.xmpp.command.ConsultationDoneCommand;
import org.chatconsult.xmpp.command.EndChatCommand;
import org.chatconsult.xmpp.command.InstantMessages;
import org.chatconsult.xmpp.command.EndConsultationCommand;
import org.chatconsult.xmpp.command.StatisticsCommand;
import org.chatconsult.xmpp.command.SuperviseCommand;
import org.chatconsult.xmpp.command.TeamCommunicatorCommand;
import org.chatconsult.xmpp.dispatch.IqRouter.Access;
import org.chatconsult.xmpp.dispatch.IqRouter;
import org.chatconsult.xmpp.dispatch.StanzaDispatcher;
import org.chatconsult.xmpp.feature.AgentPresence;
import org.chatconsult.xmpp.feature.ConsultationNotices;
import org.chatconsult.xmpp.feature.ConsultationOffers;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.chatconsult.xmpp.feature.ChatStates;
import org.chatconsult.xmpp.feature.ContactBridge;
import org.chatconsult.xmpp.feature.ContactNotices;
import org.chatconsult.xmpp.feature.QueueWaits;
import org.chatconsult.xmpp.feature.ResumeTokens;
import org.chatconsult.xmpp.feature.HandoverOffers;
import org.chatconsult.xmpp.feature.OfferDelivery;
import org.chatconsult.xmpp.feature.OfferMessages;
import org.chatconsult.xmpp.feature.PrivateRooms;
import org.chatconsult.xmpp.feature.SupervisionRooms;
import org.chatconsult.xmpp.feature.RecentTargets;
import org.chatconsult.xmpp.feature.RoomLifecycle;
import org.chatconsult.xmpp.feature.RoomOccupants;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.chatconsult.xmpp.handler.ArchiveHandler;
import org.chatconsult.xmpp.handler.ChatCommandHandler;
import org.chatconsult.xmpp.handler.ConsultationCommandHandler;
import org.chatconsult.xmpp.handler.ContactHandler;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.chatconsult.xmpp.handler.DiscoveryHandler;
import org.chatconsult.xmpp.handler.EntityQueries;
import org.chatconsult.xmpp.handler.ReadinessHandler;
import org.chatconsult.xmpp.handler.SupervisionHandler;
import org.chatconsult.xmpp.handler.RoomTrafficHandler;
import org.chatconsult.xmpp.handler.RoutingPointPresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The service put together: the core on its thread, the store's journal, the orchestration features in their
 * phases, the handlers and the table of requests they serve. The one place that knows every part; the component
 * ({@link org.chatconsult.xmpp.ConsultComponent}) only carries stanzas between it and the server.
 */
public final class ServiceAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceAssembly.class);
    public static final String NAME = "ChatConsult";
    private static final Duration IQ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** How far back a restart takes ended chats and consultations (their repeated actions, a late Mark Done). */
    private static final Duration ENDED_REMEMBERED = Duration.ofDays(1);

    private final ServiceConfig config;
    /** Ticks in milliseconds, what the store keeps: a time read back after a restart equals the one first shown. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Instant started = Instant.now();
    private final Consumer<Packet> out;
    private final Addresses addresses;
    private final RoomServiceGate roomService;
    private final CoreThread core = new CoreThread();
    private final IqTracker iqs;
    private final Journal journal;
    private final TranscriptMirror transcripts;
    private final InteractionLog log;
    private final ContactBridge bridge;
    private final RoomTrafficHandler roomTraffic;
    private final ReadinessHandler readiness;
    private final StanzaDispatcher dispatcher;

    /** {@code out} sends a stanza to the server; {@code cpu} counts what handling and sending cost. */
    public ServiceAssembly(ServiceConfig config, Consumer<Packet> out, CpuAccount cpu) {
        this.config = config;
        this.out = out;
        this.addresses = new Addresses(config.serviceDomain(), config.mucService());
        this.roomService = new RoomServiceGate(config.mucService() != null);
        this.iqs = new IqTracker(out, core, IQ_TIMEOUT);
        this.journal = new Journal(config.store(), new SetAside(config.setAside()));
        this.transcripts = new TranscriptMirror(addresses, out, journal::append);
        this.log = new InteractionLog(clock, journal);
        RoomDriver rooms = new RoomDriver(out, iqs, config.mucInvitesMembers());
        AgentSessions sessions = new AgentSessions();
        RoomOccupants occupants = new RoomOccupants();
        PrivateRooms privateRooms = new PrivateRooms(addresses, rooms, core);
        ConsultationRooms consultationRooms = new ConsultationRooms(addresses, rooms, privateRooms, transcripts, core);
        Recents recents = new Recents();
        this.bridge = new ContactBridge(addresses, rooms, iqs, core, out, this::sendWhenDurable,
                config.contactCheck(), config.directory(), log, occupants);
        ChatStates chatStates = new ChatStates(addresses, bridge, out);
        this.roomTraffic = new RoomTrafficHandler(addresses, rooms, bridge, occupants, transcripts, chatStates, core,
                clock);
        QueueWaits waits = new QueueWaits(clock);
        ResumeTokens tokens = new ResumeTokens();
        OfferMessages offers = new OfferMessages(addresses, rooms, sessions, this::sendWhenDurable);
        SupervisionRooms supervisionRooms = new SupervisionRooms(addresses, rooms, privateRooms, transcripts, sessions,
                config.directory(), config.settings(), log, clock, this::sendWhenDurable);
        ListenerPhases features = new ListenerPhases()
                .add(Phase.RECORD, new StateRecorder(journal, clock, sessions::session))
                .add(Phase.CARRY_OUT,
                        waits,
                        tokens,
                        new ContactNotices(addresses, this::sendWhenDurable, waits, tokens),
                        new RoomLifecycle(addresses, rooms, bridge, transcripts, core, roomTraffic),
                        bridge,
                        chatStates,
                        occupants,
                        new AgentPresence(addresses, sessions, core, this::sendWhenDurable),
                        new OfferDelivery(addresses, offers),
                        transcripts,
                        consultationRooms,
                        new ConsultationOffers(addresses, offers, transcripts, config.directory()),
                        new ConsultationNotices(addresses, sessions, config.directory(), this::sendWhenDurable),
                        new HandoverOffers(addresses, rooms, sessions, offers, transcripts, config.directory(),
                                this::sendWhenDurable),
                        supervisionRooms)
                .add(Phase.FOLLOW, log, new RecentTargets(recents, clock));
        // All that one event hands the journal (its state, its history entries) is committed as one.
        ContactCentreListener listener = features.eachEventIn(journal::together).build();
        core.bind(new ContactCentre(config.settings(), config.directory(), core, clock, Ids::next, listener));
        this.readiness = new ReadinessHandler(addresses, sessions, core, iqs, out);
        Targets targets = new Targets(addresses, config.directory());
        ConsultationCommandHandler consultations = new ConsultationCommandHandler(addresses, core, consultationRooms,
                sessions, log, targets, recents, clock, transcripts);
        DirectoryHandler team = new DirectoryHandler(addresses, core, new Favorites(), recents);
        SupervisionHandler supervision = new SupervisionHandler(addresses, core, supervisionRooms, log);
        ConsultCommand consult = new ConsultCommand(addresses, core, consultations, team, config.directory());
        AdHocCommands adHoc = new AdHocCommands(addresses, clock, List.of(
                consult,
                new EndConsultationCommand(core, config.directory()),
                new ConsultationDoneCommand(core, config.directory()),
                new EndChatCommand(core, log, config.directory()),
                new ChatDoneCommand(core, config.directory()),
                new TeamCommunicatorCommand(core, team, consult,
                        new InstantMessages(addresses, sessions, recents, clock, out), config.directory()),
                new StatisticsCommand(core, journal, cpu, config.directory(), started),
                new SuperviseCommand(addresses, core, config.directory(), supervision)));
        IqRouter router = requests(consultations, new ChatCommandHandler(core, targets, log), adHoc, team,
                new ArchiveHandler(addresses, core, journal, config.directory(), out), supervision);
        this.dispatcher = new StanzaDispatcher(addresses, iqs, router, journal, roomTraffic,
                new ContactHandler(core, bridge, chatStates, tokens, out, this::sendWhenDurable), readiness,
                new RoutingPointPresence(config.directory(), out), out);
    }

    /** Every request the service serves: by namespace, element and type. */
    private IqRouter requests(ConsultationCommandHandler consultations, ChatCommandHandler chats, AdHocCommands adHoc,
            DirectoryHandler directory, ArchiveHandler archive, SupervisionHandler supervision) {
        EntityQueries entity = new EntityQueries(started);
        DiscoveryHandler discovery = new DiscoveryHandler(addresses, config.directory(), NAME,
                List.of(Protocol.NS_DISCO_INFO, Protocol.NS_DISCO_ITEMS, Protocol.NS_PING, EntityQueries.NS_TIME,
                        EntityQueries.NS_LAST, Protocol.NS, AdHocCommands.NS, DirectoryHandler.NS_SEARCH,
                        ArchiveHandler.NS_MAM),
                AdHocCommands.NS, adHoc::list);
        String ns = Protocol.NS;
        return new IqRouter(agent -> config.directory().agent(agent).isPresent())
                .own(ns)
                .answerEverywhere(Protocol.NS_DISCO_INFO, "query", discovery::info)
                .answerEverywhere(Protocol.NS_DISCO_ITEMS, "query", discovery::items)
                .answerEverywhere(Protocol.NS_PING, "ping", entity::ping)
                .answerEverywhere(EntityQueries.NS_TIME, "time", entity::time)
                .answerEverywhere(EntityQueries.NS_LAST, "query", entity::lastActivity)
                .serve(IQ.Type.set, AdHocCommands.NS, "command", Access.ANYONE, adHoc::execute)
                .serve(IQ.Type.get, DirectoryHandler.NS_SEARCH, "query", Access.AGENTS, directory::searchForm)
                .serve(IQ.Type.set, DirectoryHandler.NS_SEARCH, "query", Access.AGENTS, directory::search)
                .serve(IQ.Type.get, ArchiveHandler.NS_MAM, "query", Access.ANYONE, archive::queryForm)
                .serve(IQ.Type.set, ArchiveHandler.NS_MAM, "query", Access.ANYONE, archive::query)
                .serve(IQ.Type.get, ns, Wire.EXPORT, Access.ANYONE, archive::export)
                .forAgents(IQ.Type.set, Wire.DECLINE, chats::decline)
                .forAgents(IQ.Type.set, Wire.END, chats::end)
                .forAgents(IQ.Type.set, Wire.CONFERENCE, chats::handover)
                .forAgents(IQ.Type.set, Wire.TRANSFER, chats::handover)
                .forAgents(IQ.Type.get, Wire.HISTORY, chats::history)
                // Mark Done names a chat (interaction='…') or a consultation (consultation='…').
                .forAgents(IQ.Type.set, Wire.DONE, iq -> iq.getChildElement()
                        .attributeValue("interaction") != null ? chats.done(iq) : consultations.done(iq))
                .forAgents(IQ.Type.set, Wire.CONSULT, consultations::consult)
                .forAgents(IQ.Type.set, Wire.END_CONSULTATION, consultations::end)
                .forAgents(IQ.Type.set, Wire.IM, consultations::otherParty)
                .forAgents(IQ.Type.set, Wire.CALL, consultations::otherParty)
                .forAgents(IQ.Type.get, Wire.TRANSCRIPT, consultations::transcript)
                .forAgents(IQ.Type.get, Wire.FAVORITES, directory::favorites)
                .forAgents(IQ.Type.set, Wire.FAVORITES, directory::favorites)
                .forAgents(IQ.Type.get, Wire.RECENT, directory::recent)
                // Anyone may ask: a non-supervisor hears what an unknown id hears (SupervisionDesk).
                .serve(IQ.Type.get, ns, Wire.SUPERVISE, Access.ANYONE, supervision::list)
                .serve(IQ.Type.set, ns, Wire.MONITOR, Access.ANYONE, supervision::monitor)
                .serve(IQ.Type.set, ns, Wire.WHISPER, Access.ANYONE, supervision::whisper)
                .serve(IQ.Type.set, ns, Wire.BARGE, Access.ANYONE, supervision::barge)
                .serve(IQ.Type.set, ns, Wire.END_SUPERVISION, Access.ANYONE, supervision::end);
    }

    public Addresses addresses() {
        return addresses;
    }

    /**
     * Takes back from the store what the previous run left live (before the first stanza is handled: the core
     * runs the restoration first), starts the contact checks and the retention purge.
     */
    public void start() {
        if (!roomService.isOpen()) {
            discoverMucService();
        }
        try {
            Instant endedSince = clock.instant().minus(ENDED_REMEMBERED);
            Restoration saved = journal.read(store -> Restoration.load(store, endedSince,
                    ContactCentre.MAX_ENDED_REMEMBERED)).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!saved.isEmpty()) {
                LOG.info("restoring {} live interactions and {} consultations", saved.live().interactions().size(),
                        saved.live().consultations().size());
            }
            // Restored chats address their rooms: they wait for the MUC service to be known.
            roomService.whenOpen(() -> core.submit(centre -> {
                saved.messages().values().forEach(transcripts::restore);
                saved.events().forEach(log::restore);
                centre.restore(saved.live().agents(), saved.live().interactions(), saved.live().consultations());
                centre.restoreEnded(saved.ended().interactions(), saved.ended().consultations(),
                        saved.ended().doneBy());
                log.restoreEnded(saved.ended().lastEvents());
                readiness.verify(saved.live().agents());
            }));
        } catch (Exception e) {
            LOG.error("could not read the store: live chats of the previous run are not restored", e);
        }
        bridge.start();
        if (config.retention() != null) {
            core.schedule(Duration.ZERO, this::purge);
        }
    }

    /**
     * Finds the MUC service by disco (XEP-0045 §6.1) without holding anything up: the answers arrive on the
     * thread that delivers stanzas, and room traffic waits at the gate meanwhile. Without an answer the service
     * falls back to {@code conference.<server domain>}.
     */
    private void discoverMucService() {
        String serverDomain = config.serviceDomain().substring(config.serviceDomain().indexOf('.') + 1);
        String fallback = "conference." + serverDomain;
        MucDiscovery.find(iqs, addresses.service(), serverDomain)
                .completeOnTimeout(null, IQ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((found, failure) -> {
                    if (found == null) {
                        LOG.warn("could not find the MUC service by disco ({}); using {}",
                                failure == null ? "no answer" : failure.toString(), fallback);
                    }
                    String muc = found == null ? fallback : found;
                    addresses.mucServiceFound(muc);
                    LOG.info("rooms live on {}", muc);
                    roomService.open();
                });
    }

    /** The server's connection is back after a loss: every live chat and consultation re-takes its room. */
    public void reconnected() {
        roomTraffic.outage();
        core.submit(ContactCentre::resume);
    }

    /** The server went away: whoever it disconnected from a room just before did not leave their chat. */
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
     * The first half of a stop: the service leaves its rooms without ending anything (the chats go on between their
     * people, and the next start takes them up). It still hears what the rooms answer until {@link #stop}.
     */
    public void suspend() {
        try {
            core.ask(centre -> {
                centre.suspend();
                return null;
            }).get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("leaving rooms at shutdown failed", e);
        }
    }

    /** Stops the core and the store, once what {@link #suspend} sent is out. */
    public void stop() {
        core.close();
        journal.close();
    }

    /**
     * An admitted stanza. Until the MUC service is known, room traffic cannot be told from other traffic: what is
     * not an IQ waits at the gate and is then handled on the core thread, in order (IQs pass: the discovery
     * waits for their answers).
     */
    public void dispatch(Packet packet) {
        if (!(packet instanceof IQ) && !roomService.isOpen()) {
            roomService.whenOpen(() -> core.execute(() -> dispatcher.dispatch(packet)));
        } else {
            dispatcher.dispatch(packet);
        }
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

    /** The admin console ends a supervision; false if it had ended already. */
    public CompletableFuture<Boolean> endSupervision(String supervisionId) {
        return core.ask(centre -> {
            if (centre.supervisions().supervision(supervisionId).isEmpty()) {
                return false;
            }
            centre.supervisions().end(supervisionId, "ended-by-admin");
            return true;
        });
    }

    /** What runs now, for the admin console's live page. */
    public CompletableFuture<Overview> overview() {
        return core.ask(centre -> centre.overview(log::answered));
    }

    /**
     * Offers and notices tell people that something happened (a chat offered, a consultation accepted, ended):
     * they go out once the change they announce is in the store.
     */
    private void sendWhenDurable(Packet packet) {
        journal.afterDurable(() -> out.accept(packet));
    }
}
