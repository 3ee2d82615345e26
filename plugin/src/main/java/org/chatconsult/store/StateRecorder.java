package org.chatconsult.store;

import java.time.Clock;
import java.util.function.Function;

import org.chatconsult.core.Agent;
import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Disposition;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Offer;
import org.chatconsult.core.Snapshot;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;

/**
 * Hands the newest state of every agent, interaction and consultation to the journal whenever the core changes
 * it, so a restarted service can take up where this one stopped. Called on the core thread; never blocks.
 */
public final class StateRecorder implements ContactCentreListener {
    private final Journal journal;
    private final Clock clock;
    private final Function<String, String> sessionOf;

    /** {@code sessionOf} names the full address an agent announced itself from, or null. */
    public StateRecorder(Journal journal, Clock clock, Function<String, String> sessionOf) {
        this.journal = journal;
        this.clock = clock;
        this.sessionOf = sessionOf;
    }

    @Override
    public void readinessChanged(Agent agent) {
        journal.append(Snapshot.AgentRecord.of(agent, sessionOf.apply(agent.address())));
    }

    @Override
    public void interactionCreated(Interaction interaction) {
        save(interaction);
    }

    @Override
    public void queued(Interaction interaction, int position) {
        save(interaction);
    }

    @Override
    public void contactRelinked(Interaction interaction, String previous) {
        save(interaction);
    }

    @Override
    public void offered(Interaction interaction, Offer offer) {
        save(interaction);
    }

    @Override
    public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
        save(interaction);
    }

    @Override
    public void accepted(Interaction interaction, Agent agent) {
        save(interaction);
    }

    @Override
    public void handoverAccepted(Handover handover) {
        save(handover.interaction());
    }

    @Override
    public void participantLeft(Interaction interaction, String agent) {
        save(interaction);
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        journal.append(Snapshot.InteractionRecord.of(interaction, clock.instant(), reason));
    }

    @Override
    public void consultationCreated(Consultation consultation) {
        save(consultation);
    }

    @Override
    public void consultationOffered(Consultation consultation, Offer offer) {
        save(consultation);
    }

    @Override
    public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
        save(consultation);
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        save(consultation);
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        journal.append(Snapshot.ConsultationRecord.of(consultation, clock.instant()));
    }

    @Override
    public void consultationDone(Consultation consultation, Disposition disposition) {
        journal.append(Snapshot.ConsultationRecord.of(consultation,
                consultation.endReason() == null ? null : clock.instant()));
    }

    private void save(Interaction interaction) {
        journal.append(Snapshot.InteractionRecord.of(interaction, null, null));
    }

    private void save(Consultation consultation) {
        journal.append(Snapshot.ConsultationRecord.of(consultation, null));
    }
}
