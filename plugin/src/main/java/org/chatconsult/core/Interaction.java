package org.chatconsult.core;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One contact chat: who wrote to which routing point, its room, its state and owner. */
public final class Interaction {
    private final String id;
    private final RoutingPoint routingPoint;
    private String contact;
    private final String contactName;
    private final String firstMessage;
    private final Instant started;
    private final Set<String> passedOver = new HashSet<>();
    private final Set<String> participants = new HashSet<>();
    private InteractionState state = InteractionState.NEW;
    private final OfferRound round;
    private String owner;
    private Scheduler.Cancellable queueTimer;
    private Disposition disposition;

    Interaction(String id, RoutingPoint routingPoint, String contact, String contactName, String firstMessage,
            Instant started, OfferRound round) {
        this.id = id;
        this.routingPoint = routingPoint;
        this.contact = contact;
        this.contactName = contactName;
        this.firstMessage = firstMessage;
        this.started = started;
        this.round = round;
    }

    public String id() {
        return id;
    }

    public RoutingPoint routingPoint() {
        return routingPoint;
    }

    /**
     * The contact's address as it wrote to the routing point (a full address for a connected client), or as she
     * last resumed the chat from.
     */
    public String contact() {
        return contact;
    }

    void relink(String newContact) {
        this.contact = newContact;
    }

    public String contactName() {
        return contactName;
    }

    public String firstMessage() {
        return firstMessage;
    }

    public Instant started() {
        return started;
    }

    public InteractionState state() {
        return state;
    }

    /** The agent who accepted the chat, or null before that. */
    public String owner() {
        return owner;
    }

    /** The owner's Mark Done, or null. */
    public Disposition disposition() {
        return disposition;
    }

    void setDisposition(Disposition disposition) {
        this.disposition = disposition;
    }

    /** Agents in the chat beside its owner: conferenced in, or a former owner after a warm transfer. */
    public Set<String> participants() {
        return Set.copyOf(participants);
    }

    void addParticipant(String agent) {
        participants.add(agent);
    }

    boolean removeParticipant(String agent) {
        return participants.remove(agent);
    }

    /** The offer outstanding now, or null: a chat is offered to one agent at a time. */
    public Offer offer() {
        return round.isEmpty() ? null : round.all().iterator().next();
    }

    OfferRound round() {
        return round;
    }

    public boolean isLive() {
        return state != InteractionState.ENDED;
    }

    /** Agents who declined or let an offer of this chat time out: not asked again unless they go Ready anew. */
    Set<String> passedOver() {
        return passedOver;
    }

    void moveTo(InteractionState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("interaction " + id + " cannot go from " + state + " to " + target);
        }
        state = target;
    }

    /** Puts a restored chat back in the state it was saved in (no transition: it is the same chat). */
    void restore(InteractionState savedState, String savedOwner, Set<String> savedParticipants,
            Disposition savedDisposition) {
        state = savedState;
        owner = savedOwner;
        participants.addAll(savedParticipants);
        disposition = savedDisposition;
    }

    void setOwner(String owner) {
        this.owner = owner;
    }

    void setQueueTimer(Scheduler.Cancellable timer) {
        this.queueTimer = timer;
    }

    void cancelQueueTimer() {
        if (queueTimer != null) {
            queueTimer.cancel();
            queueTimer = null;
        }
    }
}
