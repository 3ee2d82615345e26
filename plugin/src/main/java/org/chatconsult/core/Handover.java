package org.chatconsult.core;

import java.util.Collection;
import java.util.Set;

import org.chatconsult.protocol.WireToken;

/**
 * Bringing another agent into a contact chat itself (Genesys Workspace's chat conference), or handing the chat over.
 * CONFERENCE: the target joins and stays beside the owner. WARM_TRANSFER: the target joins and becomes the
 * owner; the former owner leaves when ready. COLD_TRANSFER: the target becomes the owner on accepting, and the
 * former owner is taken out of the room at once.
 */
public final class Handover {
    public enum Kind implements WireToken {
        CONFERENCE, WARM_TRANSFER, COLD_TRANSFER
    }

    private final String id;
    private final Kind kind;
    private final Interaction interaction;
    private final String initiator;
    private final Set<String> candidates;
    private final OfferRound round;
    private String target;

    Handover(String id, Kind kind, Interaction interaction, String initiator, Set<String> candidates,
            OfferRound round) {
        this.id = id;
        this.kind = kind;
        this.interaction = interaction;
        this.initiator = initiator;
        this.candidates = Set.copyOf(candidates);
        this.round = round;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Interaction interaction() {
        return interaction;
    }

    public String initiator() {
        return initiator;
    }

    public Set<String> candidates() {
        return candidates;
    }

    /** The agent who accepted, or null. */
    public String target() {
        return target;
    }

    public Collection<Offer> offers() {
        return round.all();
    }

    OfferRound round() {
        return round;
    }

    void setTarget(String target) {
        this.target = target;
    }
}
