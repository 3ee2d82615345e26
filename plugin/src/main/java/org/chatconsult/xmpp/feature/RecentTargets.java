package org.chatconsult.xmpp.feature;

import java.time.Clock;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Recents;

/** Keeps the Team Communicator's recent targets from what agents do: consult, conference, transfer. */
public record RecentTargets(Recents recents, Clock clock) implements ContactCentreListener {
    @Override
    public void consultationCreated(Consultation consultation) {
        recents.add(consultation.initiator(), consultation.requestedTarget(), "consultation", clock.instant());
    }

    @Override
    public void handoverAccepted(Handover handover) {
        recents.add(handover.initiator(), handover.target(), handover.kind().token(), clock.instant());
    }
}
