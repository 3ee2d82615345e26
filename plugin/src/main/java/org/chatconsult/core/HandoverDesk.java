package org.chatconsult.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chatconsult.protocol.RevokeReason;

/**
 * Conferences and transfers of contact chats: the owner of an active chat invites an agent (or the Ready agents
 * of a routing point) into the chat's own room; the first to join wins. Part of the {@link ContactCentre}, on
 * its thread.
 */
public final class HandoverDesk {
    private final ContactCentre centre;
    private final ContactCentreListener listener;
    private final Map<String, Handover> pending = new LinkedHashMap<>();

    HandoverDesk(ContactCentre centre, ContactCentreListener listener) {
        this.centre = centre;
        this.listener = listener;
    }

    public Handover start(Handover.Kind kind, String initiator, String interactionId, Set<String> candidates) {
        Interaction interaction = centre.ownedBy(initiator, interactionId);
        if (interaction.state() != InteractionState.ACTIVE) {
            throw new CoreException(CoreException.Kind.NOT_ALLOWED, "the chat is not active");
        }
        if (candidates.equals(Set.of(initiator))) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "an agent cannot invite themselves");
        }
        if (pending.values().stream().anyMatch(h -> h.interaction() == interaction)) {
            throw new CoreException(CoreException.Kind.CONFLICT, "a conference or transfer of this chat is pending");
        }
        List<Agent> targets = centre.availableAgents(candidates,
                candidate -> candidate.equals(initiator) || interaction.participants().contains(candidate));
        if (targets.isEmpty()) {
            throw new CoreException(CoreException.Kind.UNAVAILABLE, "no Ready agent with free capacity to invite");
        }
        Handover handover = new Handover(centre.newId(), kind, interaction, initiator, candidates);
        pending.put(handover.id(), handover);
        for (Agent agent : targets) {
            Offer offer = centre.openOffer(agent, handover.id());
            handover.addOffer(offer,
                    centre.offerTimer(() -> offerExpired(handover.id(), agent.address(), offer.id())));
            listener.handoverOffered(handover, offer);
        }
        return handover;
    }

    /** An agent entered a chat's room; true if that accepted a conference or transfer. */
    boolean agentJoined(Interaction interaction, String agent) {
        Handover handover = pending.values().stream()
                .filter(h -> h.interaction() == interaction && h.offerOf(agent) != null)
                .findFirst().orElse(null);
        if (handover == null) {
            return false;
        }
        handover.removeOffer(agent);
        handover.setTarget(agent);
        pending.remove(handover.id());
        for (Offer other : handover.offers()) {
            revoke(handover, other.agent(), RevokeReason.TAKEN);
        }
        String former = interaction.owner();
        switch (handover.kind()) {
            case CONFERENCE:
                interaction.addParticipant(agent);
                break;
            case WARM_TRANSFER:
                interaction.setOwner(agent);
                interaction.addParticipant(former);
                break;
            default:
                interaction.setOwner(agent);
                centre.release(former);
                break;
        }
        listener.handoverAccepted(handover);
        return true;
    }

    /** Declines a conference or transfer offer; false if no such offer is open for the agent. */
    boolean decline(String agent, String offerId) {
        for (Handover handover : List.copyOf(pending.values())) {
            Offer offer = handover.offerOf(agent);
            if (offer != null && offer.id().equals(offerId)) {
                passOver(handover, agent, RevokeReason.DECLINED);
                return true;
            }
        }
        return false;
    }

    private void offerExpired(String handoverId, String agent, String offerId) {
        Handover handover = pending.get(handoverId);
        Offer offer = handover == null ? null : handover.offerOf(agent);
        if (offer != null && offer.id().equals(offerId)) {
            passOver(handover, agent, RevokeReason.TIMEOUT);
        }
    }

    void agentUnavailable(String agent) {
        for (Handover handover : List.copyOf(pending.values())) {
            if (handover.offerOf(agent) != null) {
                passOver(handover, agent, RevokeReason.AGENT_UNAVAILABLE);
            }
        }
    }

    private void passOver(Handover handover, String agent, RevokeReason reason) {
        revoke(handover, agent, reason);
        if (handover.offers().isEmpty()) {
            pending.remove(handover.id());
            listener.handoverReleased(handover, reason);
        }
    }

    private void revoke(Handover handover, String agent, RevokeReason reason) {
        Offer offer = handover.removeOffer(agent);
        if (offer != null) {
            centre.release(agent);
            listener.handoverOfferRevoked(handover, offer, reason);
        }
    }

    void interactionEnded(Interaction interaction) {
        for (Handover handover : List.copyOf(pending.values())) {
            if (handover.interaction() == interaction) {
                pending.remove(handover.id());
                for (Offer offer : handover.offers()) {
                    revoke(handover, offer.agent(), RevokeReason.INTERACTION_ENDED);
                }
            }
        }
    }
}
