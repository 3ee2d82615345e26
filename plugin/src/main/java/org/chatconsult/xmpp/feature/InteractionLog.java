package org.chatconsult.xmpp.feature;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.Agent;
import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationEndReason;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Disposition;
import org.chatconsult.core.EndReason;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Interaction;

/**
 * The history of each live interaction as its agents see it: acceptance, consultations (requested, accepted,
 * ended, marked done) and the IMs and calls between their members. Touched on the core thread only.
 */
public final class InteractionLog implements ContactCentreListener {
    /** One entry: what happened, who did it, and a detail such as a consultation id or a reason. */
    public record Entry(Instant time, String kind, String actor, String detail) {
    }

    private final Clock clock;
    private final Map<String, List<Entry>> logs = new HashMap<>();

    public InteractionLog(Clock clock) {
        this.clock = clock;
    }

    public void add(Interaction interaction, String kind, String actor, String detail) {
        logs.computeIfAbsent(interaction.id(), id -> new ArrayList<>())
                .add(new Entry(clock.instant(), kind, actor, detail));
    }

    public List<Entry> entries(String interactionId) {
        return List.copyOf(logs.getOrDefault(interactionId, List.of()));
    }

    @Override
    public void accepted(Interaction interaction, Agent agent) {
        add(interaction, "accepted", agent.address(), null);
    }

    @Override
    public void consultationCreated(Consultation consultation) {
        add(consultation.interaction(), "consultation-requested", consultation.initiator(),
                consultation.id() + " " + consultation.requestedTarget());
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        add(consultation.interaction(), "consultation-accepted", consultation.target(), consultation.id());
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        add(consultation.interaction(), "consultation-ended", null, consultation.id() + " " + reason.token());
    }

    @Override
    public void consultationDone(Consultation consultation, Disposition disposition) {
        add(consultation.interaction(), "consultation-done", disposition.party(), consultation.id()
                + (disposition.code() == null ? "" : " " + disposition.code()));
    }

    @Override
    public void handoverAccepted(Handover handover) {
        add(handover.interaction(), handover.kind().token(), handover.initiator(), handover.target());
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        logs.remove(interaction.id());
    }
}
