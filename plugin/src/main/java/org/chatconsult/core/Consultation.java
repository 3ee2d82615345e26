package org.chatconsult.core;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.chatconsult.protocol.ConsultationEndReason;

/**
 * A private consultation between the agent who owns an interaction and an internal target, in its own room,
 * linked to the interaction whose transcript it mirrors.
 */
public final class Consultation {
    private final String id;
    private final Interaction interaction;
    private final String initiator;
    private final String requestedTarget;
    private final Set<String> candidates;
    private final Instant started;
    private final OfferRound round;
    private final Map<String, Disposition> done = new LinkedHashMap<>();
    private ConsultationState state = ConsultationState.NEW;
    private String target;
    private ConsultationEndReason endReason;

    Consultation(String id, Interaction interaction, String initiator, String requestedTarget, Set<String> candidates,
            Instant started, OfferRound round) {
        this.id = id;
        this.interaction = interaction;
        this.initiator = initiator;
        this.requestedTarget = requestedTarget;
        this.candidates = Set.copyOf(candidates);
        this.started = started;
        this.round = round;
    }

    public String id() {
        return id;
    }

    public Interaction interaction() {
        return interaction;
    }

    public String initiator() {
        return initiator;
    }

    /** What the initiator asked for: an agent's address or a routing point's name. */
    public String requestedTarget() {
        return requestedTarget;
    }

    /** The agents who may take it. */
    public Set<String> candidates() {
        return candidates;
    }

    public Instant started() {
        return started;
    }

    public ConsultationState state() {
        return state;
    }

    /** The agent who accepted, or null. */
    public String target() {
        return target;
    }

    public ConsultationEndReason endReason() {
        return endReason;
    }

    public Collection<Offer> offers() {
        return round.all();
    }

    public Map<String, Disposition> done() {
        return Map.copyOf(done);
    }

    public boolean isMember(String agent) {
        return agent.equals(initiator) || agent.equals(target);
    }

    /** The member who is not {@code agent}. */
    public String otherParty(String agent) {
        return agent.equals(initiator) ? target : initiator;
    }

    public boolean isComplete() {
        return done.containsKey(initiator) && (target == null || done.containsKey(target));
    }

    void moveTo(ConsultationState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("consultation " + id + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    OfferRound round() {
        return round;
    }

    /** Puts a restored consultation back in the state it was saved in. */
    void restore(ConsultationState savedState, String savedTarget) {
        state = savedState;
        target = savedTarget;
    }

    void setTarget(String target) {
        this.target = target;
    }

    void setEndReason(ConsultationEndReason reason) {
        this.endReason = reason;
    }

    void markDone(Disposition disposition) {
        done.put(disposition.party(), disposition);
    }
}
