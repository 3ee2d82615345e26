package org.chatconsult.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;

/**
 * The contact centre's rules: readiness, routing, offers, the queue and the end of chats. It knows nothing of
 * XMPP; it is confined to one thread (the caller's duty) and tells a {@link ContactCentreListener} what to do.
 */
public final class ContactCentre {
    /**
     * The answer to a chat id that is unknown, and to one the requester has no part in: the same, so that nobody
     * can probe which chats are live.
     */
    public static final String NO_CHAT = "no such chat of yours";

    public static final int MAX_CAPACITY = 100;

    private final Settings settings;
    private final Directory directory;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ContactCentreListener listener;

    private final Map<String, Agent> agents = new HashMap<>();
    /** Agents who can take a chat now, longest idle first: routing reads the head instead of every agent. */
    private final TreeSet<Agent> available = new TreeSet<>(
            Comparator.comparing(Agent::idleSince).thenComparing(Agent::address));
    private final Map<String, Interaction> interactions = new HashMap<>();
    private final Map<String, Interaction> byContact = new HashMap<>();
    private final TreeSet<Interaction> queue = new TreeSet<>(
            Comparator.comparing(Interaction::started).thenComparing(Interaction::id));
    private final Map<String, Integer> announcedPositions = new HashMap<>();
    /**
     * Who owned each recently ended chat, so that the owner repeating a terminal action (end, done) hears
     * conflict, not item-not-found (docs/protocol.md, "Lifecycle actions"). Bounded: the oldest go first.
     */
    private final Map<String, String> endedOwners = new Newest<>(MAX_ENDED_REMEMBERED);
    public static final int MAX_ENDED_REMEMBERED = 10_000;
    private final ConsultationDesk consultations;
    private final HandoverDesk handovers;
    private final SupervisionDesk supervisions;
    /** A chat's offer that went unanswered moves the chat on to the next agent. */
    private final OfferRound.Outcome chatOffers = new OfferRound.Outcome() {
        @Override
        public void revoked(Offer offer, RevokeReason reason) {
            listener.offerRevoked(interactions.get(offer.subjectId()), offer, reason);
        }

        @Override
        public void released(Offer last, RevokeReason reason) {
            Interaction interaction = interactions.get(last.subjectId());
            interaction.moveTo(InteractionState.QUEUED);
            if (reason == RevokeReason.AGENT_UNAVAILABLE) {
                route(interaction); // setReadiness lets the queue move once all of the agent's offers are gone
                return;
            }
            interaction.passedOver().add(last.agent());
            route(interaction);
            dispatchQueue();
        }
    };

    public ContactCentre(Settings settings, Directory directory, Scheduler scheduler, Clock clock,
            Supplier<String> ids, ContactCentreListener listener) {
        this.settings = settings;
        this.directory = directory;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ids = ids;
        this.listener = listener;
        this.consultations = new ConsultationDesk(this, listener);
        this.handovers = new HandoverDesk(this, listener);
        this.supervisions = new SupervisionDesk(this, listener);
    }

    /** Conferences and transfers of the live interactions. */
    public HandoverDesk handovers() {
        return handovers;
    }

    /** Supervisors watching, whispering in and barging into the live interactions. */
    public SupervisionDesk supervisions() {
        return supervisions;
    }

    /** Consultations about the live interactions. */
    public ConsultationDesk consultations() {
        return consultations;
    }

    public Settings settings() {
        return settings;
    }

    public Directory directory() {
        return directory;
    }

    // ---- readiness -------------------------------------------------------------------------------------------

    /** An agent announces Ready, Not Ready or logged out, optionally with a capacity. */
    public Agent setReadiness(String address, Readiness readiness, OptionalInt capacity) {
        return setReadiness(address, readiness, capacity, null);
    }

    /** As above, with the agent's words for being Not Ready ({@code reason}, or null). */
    public Agent setReadiness(String address, Readiness readiness, OptionalInt capacity, String reason) {
        AgentProfile profile = directory.agent(address)
                .orElseThrow(() -> new CoreException(CoreException.Kind.FORBIDDEN, "only the service's agents have a readiness"));
        int cap = capacity.orElse(settings.defaultCapacity());
        if (cap < 1 || cap > MAX_CAPACITY) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST,
                    "capacity must be between 1 and " + MAX_CAPACITY);
        }
        Agent agent = agents.computeIfAbsent(address, a -> new Agent(profile, cap, now()));
        boolean loggingIn = agent.readiness() == Readiness.LOGGED_OUT && readiness != Readiness.LOGGED_OUT;
        update(agent, () -> {
            if (loggingIn && agent.load() == 0) {
                agent.idleFrom(now()); // idle time counts from this login, not from an earlier session
            }
            agent.setReadiness(readiness, cap, reason);
        });
        listener.readinessChanged(agent);
        if (readiness == Readiness.READY) {
            // Going Ready again is the agent's way to be asked once more for chats they passed over.
            interactions.values().forEach(i -> i.passedOver().remove(address));
        } else {
            List.copyOf(interactions.values()).forEach(i -> i.round().agentUnavailable(address));
            consultations.agentUnavailable(address);
            handovers.agentUnavailable(address);
        }
        dispatchQueue();
        return agent;
    }

    public Optional<Agent> agent(String address) {
        return Optional.ofNullable(agents.get(address));
    }

    public Collection<Agent> agents() {
        return List.copyOf(agents.values());
    }

    // ---- chats -------------------------------------------------------------------------------------------

    /** A contact wrote to a routing point and has no live chat there: open an interaction. */
    public Interaction startChat(String routingPointName, String contact, String contactName, String text) {
        RoutingPoint routingPoint = directory.routingPoint(routingPointName)
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                        "no such routing point"));
        String key = contactKey(bare(contact), routingPointName);
        if (byContact.containsKey(key)) {
            throw new CoreException(CoreException.Kind.CONFLICT, "this contact already has a chat there");
        }
        if (interactions.size() >= settings.maxInteractions()) {
            throw new CoreException(CoreException.Kind.RESOURCE_CONSTRAINT,
                    "the service is at its limit of " + settings.maxInteractions() + " chats");
        }
        String id = ids.get();
        Interaction interaction = new Interaction(id, routingPoint, contact, contactName, text, now(),
                new OfferRound(this, id, chatOffers));
        interactions.put(interaction.id(), interaction);
        byContact.put(key, interaction);
        interaction.setQueueTimer(scheduler.schedule(settings.maxQueueWait(),
                () -> queueWaitElapsed(interaction.id())));
        listener.interactionCreated(interaction);
        return interaction;
    }

    /** The room of a new interaction exists and is configured: start routing. */
    public void roomReady(String interactionId) {
        Interaction interaction = live(interactionId);
        if (interaction.state() == InteractionState.NEW) {
            route(interaction);
            announcePositions();
        }
    }

    public Optional<Interaction> interaction(String id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** The live chat of a contact (any resource) at a routing point. */
    public Optional<Interaction> chatOf(String contact, String routingPointName) {
        return Optional.ofNullable(byContact.get(contactKey(bare(contact), routingPointName)));
    }

    public Collection<Interaction> interactions() {
        return List.copyOf(interactions.values());
    }

    /**
     * The contact of a live chat goes on from another address (a web page reloaded gets a new anonymous address):
     * the chat is hers at the new one, and no longer at the old one. Who may do so is the caller's decision.
     */
    public void relink(String interactionId, String newContact) {
        Interaction interaction = live(interactionId);
        String routingPoint = interaction.routingPoint().name();
        Interaction there = byContact.get(contactKey(bare(newContact), routingPoint));
        if (there != null && there != interaction) {
            throw new CoreException(CoreException.Kind.CONFLICT, "this address already has a chat there");
        }
        String previous = interaction.contact();
        byContact.remove(contactKey(bare(previous), routingPoint));
        interaction.relink(newContact);
        byContact.put(contactKey(bare(newContact), routingPoint), interaction);
        listener.contactRelinked(interaction, previous);
    }

    // ---- offers -------------------------------------------------------------------------------------------

    /**
     * An agent joined the room of a chat: accepting the offer, conference or transfer they hold, or coming back
     * to a chat they are in.
     */
    public void agentJoined(String interactionId, String agentAddress) {
        Interaction interaction = live(interactionId);
        if (agentAddress.equals(interaction.owner()) || interaction.participants().contains(agentAddress)
                || handovers.agentJoined(interaction, agentAddress)) {
            return;
        }
        if (!interaction.round().accept(agentAddress)) {
            throw new CoreException(CoreException.Kind.FORBIDDEN, "no offer of this chat is open for you");
        }
        interaction.cancelQueueTimer();
        interaction.setOwner(agentAddress);
        interaction.moveTo(InteractionState.ACTIVE);
        listener.accepted(interaction, agents.get(agentAddress));
    }

    /** An agent turns down the offer with this id: of a chat, a consultation, a conference or a transfer. */
    public void decline(String agentAddress, String offerId) {
        decline(agentAddress, offerId, null);
    }

    /**
     * An agent turns down the offer with this id, saying why ({@code note}, short free text, or null): the
     * listener finds it as the revoked offer's {@link Offer#note()}.
     */
    public void decline(String agentAddress, String offerId, String note) {
        for (Interaction interaction : interactions.values()) {
            if (interaction.round().decline(agentAddress, offerId, note)) {
                return;
            }
        }
        if (!consultations.decline(agentAddress, offerId, note) && !handovers.decline(agentAddress, offerId, note)) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, "no such offer is open for you");
        }
    }

    // ---- routing -------------------------------------------------------------------------------------------

    /**
     * Offers the chat to the longest-idle Ready agent of its routing point with free capacity, never to one who
     * passed it over (declined or let the offer time out), or queues it.
     */
    private void route(Interaction interaction) {
        Agent agent = pickAgent(interaction);
        if (interaction.state() == InteractionState.NEW) {
            interaction.moveTo(InteractionState.QUEUED);
        }
        if (agent == null) {
            queue.add(interaction);
            return;
        }
        queue.remove(interaction);
        announcedPositions.remove(interaction.id());
        Offer offer = interaction.round().open(agent);
        interaction.moveTo(InteractionState.OFFERED);
        listener.offered(interaction, offer);
    }

    private Agent pickAgent(Interaction interaction) {
        for (Agent agent : available) {
            if (interaction.routingPoint().servedBy(agent.address())
                    && !interaction.passedOver().contains(agent.address())) {
                return agent;
            }
        }
        return null;
    }

    /** Offers waiting chats, oldest first, to whoever can take them now, then tells the rest where they stand. */
    private void dispatchQueue() {
        for (Interaction waiting : List.copyOf(queue)) {
            if (waiting.state() == InteractionState.QUEUED) {
                route(waiting);
            }
        }
        announcePositions();
    }

    private void announcePositions() {
        Map<String, Integer> counts = new HashMap<>();
        for (Interaction waiting : queue) {
            int position = counts.merge(waiting.routingPoint().name(), 1, Integer::sum);
            Integer announced = announcedPositions.put(waiting.id(), position);
            if (announced == null || announced != position) {
                listener.queued(waiting, position);
            }
        }
    }

    private void queueWaitElapsed(String interactionId) {
        Interaction interaction = interactions.get(interactionId);
        if (interaction != null && interaction.state() != InteractionState.ACTIVE) {
            end(interactionId, EndReason.QUEUE_TIMEOUT);
        }
    }

    // ---- ending -------------------------------------------------------------------------------------------

    /** An agent left a chat's room: a participant beside the owner frees its capacity; an owner may come back. */
    public void agentLeft(String interactionId, String agentAddress) {
        Interaction interaction = interactions.get(interactionId);
        if (interaction != null && interaction.removeParticipant(agentAddress)) {
            release(agentAddress);
            listener.participantLeft(interaction, agentAddress);
            dispatchQueue();
        }
    }

    /**
     * The owning agent marks a chat done, with an optional disposition code and note: the chat ends, and the
     * disposition stays on its record.
     */
    public void markDone(String agentAddress, String interactionId, String code, String note) {
        Interaction interaction = ownedBy(agentAddress, interactionId);
        if (code != null && !settings.isDisposition(code)) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "the disposition is not one of the configured codes");
        }
        interaction.setDisposition(new Disposition(agentAddress, code, note, now()));
        end(interactionId, EndReason.AGENT_ENDED);
    }

    /** The owning agent ends a chat. */
    public void endByAgent(String agentAddress, String interactionId) {
        ownedBy(agentAddress, interactionId);
        end(interactionId, EndReason.AGENT_ENDED);
    }

    /**
     * The live chat {@code agentAddress} owns; {@link #NO_CHAT} alike for another's and for none, and conflict
     * for one the agent owned that has ended.
     */
    Interaction ownedBy(String agentAddress, String interactionId) {
        Interaction interaction = interactions.get(interactionId);
        if (interaction == null && agentAddress.equals(endedOwners.get(interactionId))) {
            throw new CoreException(CoreException.Kind.CONFLICT, "the chat has already ended");
        }
        if (interaction == null || !agentAddress.equals(interaction.owner())) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_CHAT);
        }
        return interaction;
    }

    /** Ends a chat for good: revokes its offer, frees its agent, and lets the queue move. */
    public void end(String interactionId, EndReason reason) {
        Interaction interaction = live(interactionId);
        interaction.round().withdraw(RevokeReason.INTERACTION_ENDED);
        interaction.cancelQueueTimer();
        consultations.interactionEnded(interaction);
        handovers.interactionEnded(interaction);
        supervisions.interactionEnded(interaction);
        if (interaction.owner() != null) {
            release(interaction.owner());
        }
        interaction.participants().forEach(this::release);
        queue.remove(interaction);
        announcedPositions.remove(interactionId);
        interactions.remove(interactionId);
        byContact.remove(contactKey(bare(interaction.contact()), interaction.routingPoint().name()));
        if (interaction.owner() != null) {
            endedOwners.put(interactionId, interaction.owner());
        }
        interaction.moveTo(InteractionState.ENDED);
        listener.ended(interaction, reason);
        dispatchQueue();
    }

    /**
     * A picture of what runs now: agents, live chats, consultations and supervisions, and how many wait per routing
     * point. {@code answered} says when a chat's first agent accepted it, if it is known: the chat's log keeps
     * that (across a restart too), the core does not.
     */
    public Overview overview(Function<String, Optional<Instant>> answered) {
        List<Overview.AgentRow> agentRows = agents.values().stream()
                .sorted(Comparator.comparing(Agent::address))
                .map(a -> new Overview.AgentRow(a.address(), a.displayName(), a.readiness(), a.load(), a.capacity()))
                .toList();
        List<Overview.ChatRow> chats = interactions.values().stream()
                .sorted(Comparator.comparing(Interaction::started))
                .map(i -> new Overview.ChatRow(i.id(), i.routingPoint().name(), i.contactName(), i.state(), i.owner(),
                        i.started(), answered.apply(i.id()).orElse(null)))
                .toList();
        List<Overview.ConsultationRow> consultationRows = consultations.live().stream()
                .map(c -> new Overview.ConsultationRow(c.id(), c.interaction().id(), c.initiator(), c.target(),
                        c.state(), c.started()))
                .toList();
        List<Overview.SupervisionRow> supervisionRows = supervisions.live().stream()
                .map(s -> new Overview.SupervisionRow(s.id(), s.interaction().id(), s.supervisor(), s.mode(),
                        s.started()))
                .toList();
        Map<String, Integer> waiting = new java.util.TreeMap<>();
        queue.forEach(i -> waiting.merge(i.routingPoint().name(), 1, Integer::sum));
        return new Overview(agentRows, chats, consultationRows, supervisionRows, waiting);
    }

    // ---- restart -------------------------------------------------------------------------------------------

    /**
     * Takes back what the previous run left live: agents as they last announced themselves, chats in their
     * states with what is left of their offer and queue timers, then their consultations. A chat that was
     * waiting goes back to {@link InteractionState#NEW}: it is routed once its room is ready again. Call once,
     * before anything else; listeners hear {@code restored} and re-take the rooms.
     */
    public void restore(List<Snapshot.AgentRecord> agentRecords, List<Snapshot.InteractionRecord> chats,
            List<Snapshot.ConsultationRecord> consultationRecords) {
        for (Snapshot.AgentRecord saved : agentRecords) {
            directory.agent(saved.address()).ifPresent(profile -> {
                Agent agent = new Agent(profile, saved.capacity(), now());
                agents.put(saved.address(), agent);
                update(agent, () -> agent.setReadiness(saved.readiness(), saved.capacity()));
            });
        }
        List<Interaction> restored = new ArrayList<>();
        for (Snapshot.InteractionRecord saved : chats) {
            RoutingPoint routingPoint = directory.routingPoint(saved.routingPoint()).orElse(null);
            if (routingPoint == null || !saved.isLive()) {
                continue;
            }
            Interaction interaction = new Interaction(saved.id(), routingPoint, saved.contact(), saved.contactName(),
                    saved.firstMessage(), saved.started(), new OfferRound(this, saved.id(), chatOffers));
            interactions.put(interaction.id(), interaction);
            byContact.put(contactKey(bare(interaction.contact()), routingPoint.name()), interaction);
            restoreState(interaction, saved);
            restored.add(interaction);
        }
        List<Consultation> consultationsBack = consultations.restore(consultationRecords);
        restored.forEach(listener::interactionRestored);
        consultationsBack.forEach(listener::consultationRestored);
    }

    /**
     * Takes back what ended recently (oldest first): who owned each ended chat, and the ended consultations with
     * their done marks, so that the lifecycle table's answers do not change across a restart.
     */
    public void restoreEnded(List<Snapshot.InteractionRecord> chats, List<Snapshot.ConsultationRecord> ended,
            Map<String, Set<String>> doneBy) {
        Map<String, Interaction> endedChats = new HashMap<>();
        for (Snapshot.InteractionRecord saved : chats) {
            if (saved.owner() != null) {
                endedOwners.put(saved.id(), saved.owner());
            }
            directory.routingPoint(saved.routingPoint()).ifPresent(routingPoint -> {
                Interaction interaction = new Interaction(saved.id(), routingPoint, saved.contact(),
                        saved.contactName(), saved.firstMessage(), saved.started(),
                        new OfferRound(this, saved.id(), chatOffers));
                interaction.restore(InteractionState.ENDED, saved.owner(), saved.participants(), saved.disposition());
                endedChats.put(saved.id(), interaction);
            });
        }
        consultations.restoreEnded(ended, doneBy, id -> Optional.ofNullable(interactions.get(id))
                .or(() -> Optional.ofNullable(endedChats.get(id))));
    }

    private void restoreState(Interaction interaction, Snapshot.InteractionRecord saved) {
        Offer offer = saved.offer();
        if (saved.state() == InteractionState.ACTIVE && saved.owner() != null) {
            interaction.restore(InteractionState.ACTIVE, saved.owner(), saved.participants(), saved.disposition());
            occupy(saved.owner());
            saved.participants().forEach(this::occupy);
            return;
        }
        Duration queueLeft = Duration.between(now(), saved.started().plus(settings.maxQueueWait()));
        interaction.setQueueTimer(scheduler.schedule(queueLeft.isNegative() ? Duration.ZERO : queueLeft,
                () -> queueWaitElapsed(interaction.id())));
        if (saved.state() == InteractionState.OFFERED && offer != null && agents.containsKey(offer.agent())) {
            interaction.restore(InteractionState.OFFERED, null, Set.of(), null);
            interaction.round().restore(offer);
        } else {
            interaction.restore(InteractionState.NEW, null, Set.of(), null);
        }
    }

    /** Counts a restored chat or offer against its agent's capacity. */
    void occupy(String address) {
        Agent agent = agents.get(address);
        if (agent != null) {
            reserve(agent);
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** What is left of an offer's time; none if it ran out while the service was away. */
    Duration timeLeft(Offer offer) {
        Duration left = Duration.between(now(), offer.expires());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The service was put out of the room of a live chat or consultation (the MUC service took it for a ghost,
     * or someone kicked it): listeners hear {@code restored} and re-take the room. Nothing for rooms of the past.
     */
    public void roomLost(String roomId) {
        Interaction interaction = interactions.get(roomId);
        if (interaction != null) {
            listener.interactionRestored(interaction);
            return;
        }
        consultations.consultation(roomId).filter(c -> c.state() != ConsultationState.ENDED)
                .ifPresent(listener::consultationRestored);
    }

    /**
     * The service is back in touch with a server that may have restarted: listeners hear {@code resumed} for
     * every live chat and consultation, re-take the rooms and invite their people back (their sessions ended).
     */
    public void resume() {
        interactions.values().forEach(listener::interactionResumed);
        consultations.live().forEach(listener::consultationResumed);
    }

    /**
     * The service stops but its chats go on without it until it is back: listeners hear {@code suspended} for
     * every live chat and consultation (to leave their rooms), and nothing is ended.
     */
    public void suspend() {
        interactions.values().forEach(listener::interactionSuspended);
        consultations.live().forEach(listener::consultationSuspended);
    }

    /** The candidates who are Ready with free capacity, not excluded, longest idle first. */
    List<Agent> availableAgents(java.util.Collection<String> candidates, java.util.function.Predicate<String> excluded) {
        List<Agent> result = new ArrayList<>();
        for (Agent agent : available) {
            if (candidates.contains(agent.address()) && !excluded.test(agent.address())) {
                result.add(agent);
            }
        }
        return result;
    }

    /** An offer or a chat takes one of this agent's capacity. */
    void reserve(Agent agent) {
        update(agent, agent::reserve);
        listener.loadChanged(agent);
    }

    /** An offer or a chat no longer uses one of this agent's capacity. */
    void release(String address) {
        Agent agent = agents.get(address);
        if (agent != null) {
            update(agent, () -> agent.release(now()));
            listener.loadChanged(agent);
        }
    }

    /**
     * Why none of {@code candidates} (but {@code initiator}) can take a request, in words: for one agent, whether
     * it is logged out, Not Ready or full, so the initiator knows what to do rather than only that it failed.
     */
    String whyUnavailable(Set<String> candidates, String initiator) {
        List<String> others = candidates.stream().filter(candidate -> !candidate.equals(initiator)).toList();
        if (others.size() != 1) {
            return "no agent there is Ready with free capacity";
        }
        String name = directory.displayName(others.get(0));
        Agent agent = agents.get(others.get(0));
        if (agent == null || agent.readiness() == Readiness.LOGGED_OUT) {
            return name + " is logged out";
        }
        if (agent.readiness() == Readiness.NOT_READY) {
            return name + " is Not Ready";
        }
        if (agent.load() >= agent.capacity()) {
            return name + " is full (" + agent.load() + " of " + agent.capacity() + " chats)";
        }
        return name + " is already in the chat"; // a conference or transfer excludes its participants
    }

    /** Changes an agent's state, keeping the set of available agents (ordered by idle time) true. */
    private void update(Agent agent, Runnable change) {
        available.remove(agent);
        change.run();
        if (agent.canTakeChat()) {
            available.add(agent);
        }
    }

    /** Capacity came free outside the chats' own flow (a consultation ended): let the queue move. */
    void capacityFreed() {
        dispatchQueue();
    }

    private Interaction live(String interactionId) {
        Interaction interaction = interactions.get(interactionId);
        if (interaction == null) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_CHAT);
        }
        return interaction;
    }

    Instant now() {
        return clock.instant();
    }

    String newId() {
        return ids.get();
    }

    /** Takes one of the agent's capacity for an offer about {@code subjectId}, valid for the offer timeout. */
    Offer openOffer(Agent agent, String subjectId) {
        reserve(agent);
        return new Offer(ids.get(), subjectId, agent.address(), now().plus(settings.offerTimeout()));
    }

    /** Runs {@code expiry} on the core's thread when an offer opened now times out. */
    Scheduler.Cancellable offerTimer(Runnable expiry) {
        return scheduler.schedule(settings.offerTimeout(), expiry);
    }

    private static String contactKey(String contact, String routingPoint) {
        return contact + ' ' + routingPoint;
    }

    /** The bare form of an address: XMPP addresses carry the resource after the first slash (RFC 7622 §3.1). */
    static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
