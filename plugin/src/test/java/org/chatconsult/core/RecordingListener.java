package org.chatconsult.core;

import java.util.ArrayList;
import java.util.List;

import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;

/** Writes down every decision of the core as a line, for tests to compare. */
final class RecordingListener implements ContactCentreListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void interactionCreated(Interaction interaction) {
        events.add("created " + interaction.id());
    }

    @Override
    public void queued(Interaction interaction, int position) {
        events.add("queued " + interaction.id() + " #" + position);
    }

    @Override
    public void offered(Interaction interaction, Offer offer) {
        events.add("offered " + interaction.id() + " to " + offer.agent());
    }

    @Override
    public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
        events.add("revoked " + interaction.id() + " from " + offer.agent() + " " + reason.token() + note(offer));
    }

    @Override
    public void accepted(Interaction interaction, Agent agent) {
        events.add("accepted " + interaction.id() + " by " + agent.address());
    }

    @Override
    public void contactRelinked(Interaction interaction, String previous) {
        events.add("relinked " + interaction.id() + " from " + previous + " to " + interaction.contact());
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        events.add("ended " + interaction.id() + " " + reason.token());
    }

    @Override
    public void consultationCreated(Consultation consultation) {
        events.add("consultation " + consultation.id() + " created");
    }

    @Override
    public void consultationOffered(Consultation consultation, Offer offer) {
        events.add("consultation " + consultation.id() + " offered to " + offer.agent());
    }

    @Override
    public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
        events.add("consultation " + consultation.id() + " revoked from " + offer.agent() + " " + reason.token()
                + note(offer));
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        events.add("consultation " + consultation.id() + " accepted by " + consultation.target());
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        events.add("consultation " + consultation.id() + " ended " + reason.token());
    }

    @Override
    public void consultationDone(Consultation consultation, Disposition disposition) {
        events.add("consultation " + consultation.id() + " done by " + disposition.party()
                + (consultation.isComplete() ? " complete" : ""));
    }

    @Override
    public void handoverOffered(Handover handover, Offer offer) {
        events.add("handover " + handover.id() + " offered to " + offer.agent());
    }

    @Override
    public void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
        events.add("handover " + handover.id() + " revoked from " + offer.agent() + " " + reason.token() + note(offer));
    }

    @Override
    public void handoverAccepted(Handover handover) {
        events.add("handover " + handover.id() + " accepted by " + handover.target());
    }

    @Override
    public void handoverReleased(Handover handover, RevokeReason reason) {
        events.add("handover " + handover.id() + " released " + reason.token());
    }

    @Override
    public void supervisionStarted(Supervision supervision) {
        events.add("supervision " + supervision.id() + " of " + supervision.interaction().id() + " by "
                + supervision.supervisor());
    }

    @Override
    public void whispered(Supervision supervision, String text, boolean saidInRoom, boolean firstToAgent) {
        events.add("supervision " + supervision.id() + " whispered to " + supervision.whisperedTo() + ": " + text
                + (firstToAgent ? " (first)" : ""));
    }

    @Override
    public void bargedIn(Supervision supervision) {
        events.add("supervision " + supervision.id() + " barged in");
    }

    @Override
    public void supervisionEnded(Supervision supervision, String reason) {
        events.add("supervision " + supervision.id() + " ended " + reason);
    }

    /** What the agent said on declining, if anything. */
    private static String note(Offer offer) {
        return offer.note() == null ? "" : " (" + offer.note() + ")";
    }

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
