package org.chatconsult.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.protocol.RevokeReason;

/**
 * The open offers of one subject (a chat, a consultation, a conference or transfer), each with its timeout and
 * one of its agent's capacity: the same machinery whether agents are asked one at a time or all at once. An
 * accepted offer keeps its capacity (the agent's part in the subject now); every other one gives it back and
 * goes to the {@link Outcome} its desk supplied. Part of the {@link ContactCentre}, on its thread.
 */
final class OfferRound {
    /** What a desk makes of its subjects' offers; the offer's {@link Offer#subjectId()} says whose they are. */
    interface Outcome {
        /** The offer was revoked and its agent's capacity given back. */
        void revoked(Offer offer, RevokeReason reason);

        /** The last open offer, {@code last}, was declined, timed out or lost its agent, and none was accepted. */
        void released(Offer last, RevokeReason reason);
    }

    private final ContactCentre centre;
    private final String subjectId;
    private final Outcome outcome;
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, Scheduler.Cancellable> timers = new LinkedHashMap<>();

    OfferRound(ContactCentre centre, String subjectId, Outcome outcome) {
        this.centre = centre;
        this.subjectId = subjectId;
        this.outcome = outcome;
    }

    /** Offers the subject to {@code agent} for the offer timeout; the desk tells its listener. */
    Offer open(Agent agent) {
        Offer offer = centre.openOffer(agent, subjectId);
        add(offer, centre.offerTimer(() -> expired(offer.id())));
        return offer;
    }

    /** Takes back an offer the previous run left open, with its agent's capacity and what is left of its time. */
    void restore(Offer offer) {
        centre.occupy(offer.agent());
        add(offer, centre.scheduler().schedule(centre.timeLeft(offer), () -> expired(offer.id())));
    }

    /** The open offer of {@code agent}, or null. */
    Offer of(String agent) {
        return offers.get(agent);
    }

    Collection<Offer> all() {
        return List.copyOf(offers.values());
    }

    boolean isEmpty() {
        return offers.isEmpty();
    }

    /** The agent takes the subject: their offer closes, every other is revoked as taken; false if none was theirs. */
    boolean accept(String agent) {
        if (close(agent) == null) {
            return false;
        }
        withdraw(RevokeReason.TAKEN);
        return true;
    }

    /** The agent turns down the offer {@code offerId}, saying why or not; false if no such offer is open for them. */
    boolean decline(String agent, String offerId, String note) {
        Offer offer = offers.get(agent);
        if (offer == null || !offer.id().equals(offerId)) {
            return false;
        }
        passOver(offer.withNote(note), RevokeReason.DECLINED);
        return true;
    }

    /** The agent can take nothing now (Not Ready, logged out): their offer goes. */
    void agentUnavailable(String agent) {
        Offer offer = offers.get(agent);
        if (offer != null) {
            passOver(offer, RevokeReason.AGENT_UNAVAILABLE);
        }
    }

    /** Revokes every open offer; the subject is taken or gone, so this is no release. */
    void withdraw(RevokeReason reason) {
        for (Offer offer : all()) {
            revoke(offer, reason);
        }
    }

    private void expired(String offerId) {
        for (Offer offer : all()) {
            if (offer.id().equals(offerId)) {
                passOver(offer, RevokeReason.TIMEOUT);
            }
        }
    }

    private void passOver(Offer offer, RevokeReason reason) {
        if (revoke(offer, reason) && offers.isEmpty()) {
            outcome.released(offer, reason);
        }
    }

    private boolean revoke(Offer offer, RevokeReason reason) {
        if (close(offer.agent()) == null) {
            return false;
        }
        centre.release(offer.agent());
        outcome.revoked(offer, reason);
        return true;
    }

    private void add(Offer offer, Scheduler.Cancellable timer) {
        offers.put(offer.agent(), offer);
        timers.put(offer.agent(), timer);
    }

    /** Removes the agent's offer and cancels its timeout; null if the agent held none. */
    private Offer close(String agent) {
        Scheduler.Cancellable timer = timers.remove(agent);
        if (timer != null) {
            timer.cancel();
        }
        return offers.remove(agent);
    }
}
