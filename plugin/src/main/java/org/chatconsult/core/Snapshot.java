package org.chatconsult.core;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chatconsult.protocol.EndReason;

/**
 * What the core needs to pick up where it stopped: the durable state of agents, live interactions and their
 * consultations. The store keeps the newest snapshot of each; {@link ContactCentre#restore} takes them back.
 */
public final class Snapshot {
    private Snapshot() {
    }

    /** An agent's readiness and capacity as last announced, and the session (full address) it came from. */
    public record AgentRecord(String address, Readiness readiness, int capacity, String session) {
        public static AgentRecord of(Agent agent, String session) {
            return new AgentRecord(agent.address(), agent.readiness(), agent.capacity(), session);
        }
    }

    /** An interaction; {@code offer} is the open offer or null; {@code ended} null while it is live. */
    public record InteractionRecord(String id, String routingPoint, String contact, String contactName,
            String firstMessage, Instant started, InteractionState state, String owner,
            Set<String> participants, Offer offer, Instant ended, String endReason, Disposition disposition) {
        public static InteractionRecord of(Interaction i, Instant ended, EndReason reason) {
            return new InteractionRecord(i.id(), i.routingPoint().name(), i.contact(), i.contactName(),
                    i.firstMessage(), i.started(), i.state(), i.owner(), i.participants(), i.offer(), ended,
                    reason == null ? null : reason.token(), i.disposition());
        }

        public boolean isLive() {
            return ended == null;
        }
    }

    /** A consultation with its open offers; {@code ended} null while it is live. */
    public record ConsultationRecord(String id, String interactionId, String initiator, String requestedTarget,
            Set<String> candidates, Instant started, ConsultationState state, String target,
            List<Offer> offers, Instant ended, String endReason) {
        public static ConsultationRecord of(Consultation c, Instant ended) {
            return new ConsultationRecord(c.id(), c.interaction().id(), c.initiator(), c.requestedTarget(),
                    c.candidates(), c.started(), c.state(), c.target(), List.copyOf(c.offers()), ended,
                    c.endReason() == null ? null : c.endReason().token());
        }

        public boolean isLive() {
            return ended == null;
        }
    }
}
