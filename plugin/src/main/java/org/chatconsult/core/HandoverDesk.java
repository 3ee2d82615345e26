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
    /** Handovers with open offers; one leaves once taken, released or its chat ends. */
    private final Map<String, Handover> pending = new LinkedHashMap<>();
    private final OfferRound.Outcome offers = new OfferRound.Outcome() {
        @Override
        public void revoked(Offer offer, RevokeReason reason) {
            listener.handoverOfferRevoked(pending.get(offer.subjectId()), offer, reason);
        }

        @Override
        public void released(Offer last, RevokeReason reason) {
            listener.handoverReleased(pending.remove(last.subjectId()), reason);
        }
    };

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
            throw new CoreException(CoreException.Kind.UNAVAILABLE, centre.whyUnavailable(candidates, initiator));
        }
        String id = centre.newId();
        Handover handover = new Handover(id, kind, interaction, initiator, candidates,
                new OfferRound(centre, id, offers));
        pending.put(handover.id(), handover);
        for (Agent agent : targets) {
            listener.handoverOffered(handover, handover.round().open(agent));
        }
        return handover;
    }

    /** An agent entered a chat's room; true if that accepted a conference or transfer. */
    boolean agentJoined(Interaction interaction, String agent) {
        Handover handover = pending.values().stream()
                .filter(h -> h.interaction() == interaction && h.round().of(agent) != null)
                .findFirst().orElse(null);
        if (handover == null) {
            return false;
        }
        handover.setTarget(agent);
        handover.round().accept(agent);
        pending.remove(handover.id());
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

    /** Declines a conference or transfer offer, with the agent's note or null; false if no such offer is theirs. */
    boolean decline(String agent, String offerId, String note) {
        for (Handover handover : pending.values()) {
            if (handover.round().decline(agent, offerId, note)) {
                return true;
            }
        }
        return false;
    }

    void agentUnavailable(String agent) {
        for (Handover handover : List.copyOf(pending.values())) {
            handover.round().agentUnavailable(agent);
        }
    }

    void interactionEnded(Interaction interaction) {
        for (Handover handover : List.copyOf(pending.values())) {
            if (handover.interaction() == interaction) {
                handover.round().withdraw(RevokeReason.INTERACTION_ENDED);
                pending.remove(handover.id());
            }
        }
    }
}
