package org.chatconsult.core;

import java.util.List;

/**
 * What the core decided, for the XMPP layer to carry out. Called on the core's thread: implementations hand
 * I/O to other threads and return at once. Each orchestration feature implements the events it cares about.
 */
public interface ContactCentreListener {
    /** A new chat needs its room; answer with {@link ContactCentre#roomReady} or {@link ContactCentre#end}. */
    default void interactionCreated(Interaction interaction) {
    }

    /** An agent announced Ready, Not Ready or logged out, or changed capacity. */
    default void readinessChanged(Agent agent) {
    }

    /**
     * A chat the previous run left live is back (after a restart), or the service was put out of its room: the
     * room needs re-taking, then {@link ContactCentre#roomReady} if the chat is {@link InteractionState#NEW}.
     */
    default void interactionRestored(Interaction interaction) {
    }

    /** A consultation the previous run left live is back (restored after its interaction), or lost its room. */
    default void consultationRestored(Consultation consultation) {
    }

    /** The server may have restarted under this chat: its room needs re-taking and its people inviting back. */
    default void interactionResumed(Interaction interaction) {
    }

    /** The server may have restarted under this consultation. */
    default void consultationResumed(Consultation consultation) {
    }

    /** The service stops while this chat goes on; it will be restored when the service is back. */
    default void interactionSuspended(Interaction interaction) {
    }

    /** The service stops while this consultation goes on. */
    default void consultationSuspended(Consultation consultation) {
    }

    /** The contact waits; {@code position} counts from 1 among the chats waiting at the same routing point. */
    default void queued(Interaction interaction, int position) {
    }

    default void offered(Interaction interaction, Offer offer) {
    }

    default void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
    }

    default void accepted(Interaction interaction, Agent agent) {
    }

    default void ended(Interaction interaction, EndReason reason) {
    }

    /** A new consultation needs its room; answer with {@link ConsultationDesk#roomReady} or {@link ConsultationDesk#fail}. */
    default void consultationCreated(Consultation consultation) {
    }

    default void consultationOffered(Consultation consultation, Offer offer) {
    }

    default void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
    }

    default void consultationAccepted(Consultation consultation) {
    }

    default void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
    }

    /** A member marked the consultation done; {@link Consultation#isComplete()} says if both have. */
    default void consultationDone(Consultation consultation, Disposition disposition) {
    }

    default void handoverOffered(Handover handover, Offer offer) {
    }

    default void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
    }

    /** The target joined the chat; for a transfer it now owns it. */
    default void handoverAccepted(Handover handover) {
    }

    /** Nobody accepted: {@code reason} is declined, timeout or agent-unavailable. */
    default void handoverReleased(Handover handover, RevokeReason reason) {
    }

    /** An agent who is not the owner left the chat (or was taken out of it by a cold transfer). */
    default void participantLeft(Interaction interaction, String agent) {
    }

    /** One listener that tells each of {@code listeners}, in order. */
    static ContactCentreListener all(List<ContactCentreListener> listeners) {
        List<ContactCentreListener> each = List.copyOf(listeners);
        return new ContactCentreListener() {
            @Override
            public void interactionCreated(Interaction interaction) {
                each.forEach(l -> l.interactionCreated(interaction));
            }

            @Override
            public void readinessChanged(Agent agent) {
                each.forEach(l -> l.readinessChanged(agent));
            }

            @Override
            public void interactionRestored(Interaction interaction) {
                each.forEach(l -> l.interactionRestored(interaction));
            }

            @Override
            public void consultationRestored(Consultation consultation) {
                each.forEach(l -> l.consultationRestored(consultation));
            }

            @Override
            public void interactionResumed(Interaction interaction) {
                each.forEach(l -> l.interactionResumed(interaction));
            }

            @Override
            public void consultationResumed(Consultation consultation) {
                each.forEach(l -> l.consultationResumed(consultation));
            }

            @Override
            public void interactionSuspended(Interaction interaction) {
                each.forEach(l -> l.interactionSuspended(interaction));
            }

            @Override
            public void consultationSuspended(Consultation consultation) {
                each.forEach(l -> l.consultationSuspended(consultation));
            }

            @Override
            public void queued(Interaction interaction, int position) {
                each.forEach(l -> l.queued(interaction, position));
            }

            @Override
            public void offered(Interaction interaction, Offer offer) {
                each.forEach(l -> l.offered(interaction, offer));
            }

            @Override
            public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
                each.forEach(l -> l.offerRevoked(interaction, offer, reason));
            }

            @Override
            public void accepted(Interaction interaction, Agent agent) {
                each.forEach(l -> l.accepted(interaction, agent));
            }

            @Override
            public void ended(Interaction interaction, EndReason reason) {
                each.forEach(l -> l.ended(interaction, reason));
            }

            @Override
            public void handoverOffered(Handover handover, Offer offer) {
                each.forEach(l -> l.handoverOffered(handover, offer));
            }

            @Override
            public void handoverOfferRevoked(Handover handover, Offer offer, RevokeReason reason) {
                each.forEach(l -> l.handoverOfferRevoked(handover, offer, reason));
            }

            @Override
            public void handoverAccepted(Handover handover) {
                each.forEach(l -> l.handoverAccepted(handover));
            }

            @Override
            public void handoverReleased(Handover handover, RevokeReason reason) {
                each.forEach(l -> l.handoverReleased(handover, reason));
            }

            @Override
            public void participantLeft(Interaction interaction, String agent) {
                each.forEach(l -> l.participantLeft(interaction, agent));
            }

            @Override
            public void consultationCreated(Consultation consultation) {
                each.forEach(l -> l.consultationCreated(consultation));
            }

            @Override
            public void consultationOffered(Consultation consultation, Offer offer) {
                each.forEach(l -> l.consultationOffered(consultation, offer));
            }

            @Override
            public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
                each.forEach(l -> l.consultationOfferRevoked(consultation, offer, reason));
            }

            @Override
            public void consultationAccepted(Consultation consultation) {
                each.forEach(l -> l.consultationAccepted(consultation));
            }

            @Override
            public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
                each.forEach(l -> l.consultationEnded(consultation, reason));
            }

            @Override
            public void consultationDone(Consultation consultation, Disposition disposition) {
                each.forEach(l -> l.consultationDone(consultation, disposition));
            }
        };
    }
}
