package org.chatconsult.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.RevokeReason;

/**
 * The rules of chat consultations (Genesys Workspace's two lessons): only the agent who owns an active chat starts one,
 * naming an agent or a routing point; the target must be Ready with free capacity; the first who accepts wins;
 * not accepted means released; either member ends it or marks it done; the chat's end ends it. Part of the
 * {@link ContactCentre}, on its thread.
 */
public final class ConsultationDesk {
    /** The answer to a consultation id that is unknown, and to one the requester is no member of: the same. */
    public static final String NO_CONSULTATION = "no such consultation of yours";

    /** Ended consultations kept for a member's late Mark Done; the oldest go first beyond this. */
    static final int MAX_ENDED = 10_000;

    private final ContactCentre centre;
    private final ContactCentreListener listener;
    private final Map<String, Consultation> live = new LinkedHashMap<>();
    private final Map<String, Consultation> ended = new Newest<>(MAX_ENDED);
    private final OfferRound.Outcome offers = new OfferRound.Outcome() {
        @Override
        public void revoked(Offer offer, RevokeReason reason) {
            listener.consultationOfferRevoked(live.get(offer.subjectId()), offer, reason);
        }

        @Override
        public void released(Offer last, RevokeReason reason) {
            end(live.get(last.subjectId()), reason == RevokeReason.DECLINED ? ConsultationEndReason.DECLINED
                    : reason == RevokeReason.TIMEOUT ? ConsultationEndReason.TIMEOUT
                    : ConsultationEndReason.NO_READY_TARGET);
        }
    };

    ConsultationDesk(ContactCentre centre, ContactCentreListener listener) {
        this.centre = centre;
        this.listener = listener;
    }

    /** The owner of an active interaction asks to consult {@code requestedTarget}, one of {@code candidates}. */
    public Consultation start(String initiator, String interactionId, String requestedTarget, Set<String> candidates) {
        Interaction interaction = centre.ownedBy(initiator, interactionId);
        if (interaction.state() != InteractionState.ACTIVE) {
            throw new CoreException(CoreException.Kind.NOT_ALLOWED, "the chat is not active");
        }
        if (candidates.equals(Set.of(initiator))) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "an agent cannot consult themselves");
        }
        if (eligible(initiator, candidates).isEmpty()) {
            throw new CoreException(CoreException.Kind.UNAVAILABLE, centre.whyUnavailable(candidates, initiator));
        }
        String id = centre.newId();
        Consultation consultation = new Consultation(id, interaction, initiator, requestedTarget, candidates,
                centre.now(), new OfferRound(centre, id, offers));
        live.put(consultation.id(), consultation);
        listener.consultationCreated(consultation);
        return consultation;
    }

    /**
     * Takes back the consultations of restored chats: active ones hold their target's capacity, offered ones
     * their open offers with what is left of their time; one whose room was still being set up is released.
     */
    List<Consultation> restore(List<Snapshot.ConsultationRecord> saved) {
        List<Consultation> restored = new ArrayList<>();
        List<Consultation> unfinished = new ArrayList<>();
        for (Snapshot.ConsultationRecord record : saved) {
            Interaction interaction = centre.interaction(record.interactionId()).orElse(null);
            if (interaction == null || !record.isLive()) {
                continue;
            }
            Consultation consultation = new Consultation(record.id(), interaction, record.initiator(),
                    record.requestedTarget(), record.candidates(), record.started(),
                    new OfferRound(centre, record.id(), offers));
            live.put(consultation.id(), consultation);
            consultation.restore(record.state(), record.target());
            if (record.state() == ConsultationState.ACTIVE) {
                centre.occupy(record.target());
            } else if (record.state() == ConsultationState.OFFERED) {
                record.offers().forEach(consultation.round()::restore);
            }
            boolean settingUp = record.state() == ConsultationState.NEW
                    || record.state() == ConsultationState.OFFERED && record.offers().isEmpty();
            (settingUp ? unfinished : restored).add(consultation);
        }
        unfinished.forEach(consultation -> end(consultation, ConsultationEndReason.SERVICE_ERROR));
        return restored;
    }

    /**
     * Takes back consultations that ended before a restart (oldest first), with the members who had marked them
     * done: a repeated end or done still hears conflict, and a member not yet done can still mark it.
     */
    void restoreEnded(List<Snapshot.ConsultationRecord> saved, Map<String, Set<String>> doneBy,
            Function<String, Optional<Interaction>> interactions) {
        for (Snapshot.ConsultationRecord record : saved) {
            interactions.apply(record.interactionId()).ifPresent(interaction -> {
                Consultation consultation = new Consultation(record.id(), interaction, record.initiator(),
                        record.requestedTarget(), record.candidates(), record.started(),
                        new OfferRound(centre, record.id(), offers));
                consultation.restore(ConsultationState.ENDED, record.target());
                // An ended consultation has a reason, or a later Mark Done would store it as live again.
                consultation.setEndReason(ConsultationEndReason.ofToken(record.endReason(),
                        ConsultationEndReason.SERVICE_ERROR));
                for (String member : doneBy.getOrDefault(record.id(), Set.of())) {
                    consultation.markDone(new Disposition(member, null, null, record.ended()));
                }
                ended.put(consultation.id(), consultation);
            });
        }
    }

    /** The consultation's room exists: offer it to every eligible candidate, or release it. */
    public void roomReady(String consultationId) {
        Consultation consultation = live(consultationId);
        if (consultation.state() != ConsultationState.NEW) {
            return;
        }
        List<Agent> targets = eligible(consultation.initiator(), consultation.candidates());
        if (targets.isEmpty()) {
            end(consultation, ConsultationEndReason.NO_READY_TARGET);
            return;
        }
        consultation.moveTo(ConsultationState.OFFERED);
        listener.consultationRequested(consultation);
        for (Agent agent : targets) {
            listener.consultationOffered(consultation, consultation.round().open(agent));
        }
    }

    /** The consultation's room could not be set up. */
    public void fail(String consultationId) {
        Consultation consultation = live.get(consultationId);
        if (consultation != null) {
            end(consultation, ConsultationEndReason.SERVICE_ERROR);
        }
    }

    /** An agent entered the consultation's room: the first offered agent to do so is its target. */
    public void agentJoined(String consultationId, String agent) {
        Consultation consultation = live(consultationId);
        if (consultation.isMember(agent)) {
            return;
        }
        if (consultation.state() != ConsultationState.OFFERED || consultation.round().of(agent) == null) {
            throw new CoreException(CoreException.Kind.FORBIDDEN, "no offer of this consultation is open for you");
        }
        consultation.setTarget(agent);
        consultation.moveTo(ConsultationState.ACTIVE);
        consultation.round().accept(agent);
        listener.consultationAccepted(consultation);
    }

    /** Declines a consultation offer, with the agent's note or null; false if no such offer is open for them. */
    boolean decline(String agent, String offerId, String note) {
        for (Consultation consultation : live.values()) {
            if (consultation.round().decline(agent, offerId, note)) {
                return true;
            }
        }
        return false;
    }

    void agentUnavailable(String agent) {
        for (Consultation consultation : List.copyOf(live.values())) {
            consultation.round().agentUnavailable(agent);
        }
    }

    /** A member ends the consultation. */
    public void end(String agent, String consultationId) {
        Consultation consultation = memberOf(agent, consultationId);
        if (consultation.state() == ConsultationState.ENDED) {
            throw new CoreException(CoreException.Kind.CONFLICT, "the consultation has already ended");
        }
        end(consultation, agent.equals(consultation.initiator()) ? ConsultationEndReason.ENDED_BY_INITIATOR
                : ConsultationEndReason.ENDED_BY_TARGET);
    }

    /**
     * A member marks the consultation done, with an optional disposition code and note: their part closes (a
     * consultation still running ends), and once both members are done its record is complete.
     */
    public void done(String agent, String consultationId, String code, String note) {
        Consultation consultation = memberOf(agent, consultationId);
        if (consultation.done().containsKey(agent)) {
            throw new CoreException(CoreException.Kind.CONFLICT, "already marked done");
        }
        if (code != null && !centre.settings().isDisposition(code)) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "the disposition is not one of the configured codes");
        }
        if (consultation.state() != ConsultationState.ENDED) {
            end(consultation, agent.equals(consultation.initiator()) ? ConsultationEndReason.ENDED_BY_INITIATOR
                    : ConsultationEndReason.ENDED_BY_TARGET);
        }
        Disposition disposition = new Disposition(agent, code, note, centre.now());
        consultation.markDone(disposition);
        listener.consultationDone(consultation, disposition);
    }

    /** A live or ended consultation {@code agent} is a member of; {@link #NO_CONSULTATION} otherwise. */
    private Consultation memberOf(String agent, String consultationId) {
        return consultation(consultationId).filter(c -> c.isMember(agent))
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND, NO_CONSULTATION));
    }

    void interactionEnded(Interaction interaction) {
        for (Consultation consultation : of(interaction.id())) {
            end(consultation, ConsultationEndReason.INTERACTION_ENDED);
        }
    }

    private void end(Consultation consultation, ConsultationEndReason reason) {
        consultation.round().withdraw(RevokeReason.CONSULTATION_ENDED);
        if (consultation.target() != null) {
            centre.release(consultation.target());
        }
        consultation.setEndReason(reason);
        consultation.moveTo(ConsultationState.ENDED);
        live.remove(consultation.id());
        // Kept (the newest MAX_ENDED) for Mark Done, and so that a repeated end or done hears conflict.
        ended.put(consultation.id(), consultation);
        listener.consultationEnded(consultation, reason);
        centre.capacityFreed();
    }

    /** Live consultations, and recently ended ones (for Mark Done and repeated actions). */
    public Optional<Consultation> consultation(String id) {
        return Optional.ofNullable(live.get(id)).or(() -> Optional.ofNullable(ended.get(id)));
    }

    /** The live consultations of an interaction. */
    public List<Consultation> of(String interactionId) {
        List<Consultation> result = new ArrayList<>();
        for (Consultation consultation : live.values()) {
            if (consultation.interaction().id().equals(interactionId)) {
                result.add(consultation);
            }
        }
        return result;
    }

    public List<Consultation> live() {
        return List.copyOf(live.values());
    }

    /** Consultations an agent may still mark done: live ones, and ended ones without their Mark Done. */
    public List<Consultation> openFor(String agent) {
        List<Consultation> result = new ArrayList<>();
        for (Consultation consultation : live.values()) {
            if (consultation.isMember(agent)) {
                result.add(consultation);
            }
        }
        for (Consultation consultation : ended.values()) {
            if (consultation.isMember(agent) && !consultation.done().containsKey(agent)) {
                result.add(consultation);
            }
        }
        return result;
    }

    private Consultation live(String consultationId) {
        Consultation consultation = live.get(consultationId);
        if (consultation == null) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, NO_CONSULTATION);
        }
        return consultation;
    }

    private List<Agent> eligible(String initiator, Set<String> candidates) {
        return centre.availableAgents(candidates, initiator::equals);
    }
}
