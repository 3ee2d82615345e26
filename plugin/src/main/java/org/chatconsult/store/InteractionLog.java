package org.chatconsult.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chatconsult.core.Agent;
import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Disposition;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Newest;
import org.chatconsult.core.Offer;
import org.chatconsult.core.Supervision;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;

/**
 * The lifecycle record of each interaction and its consultations: created, queued, offered, accepted, declined,
 * timed out, revoked, released, conferenced, transferred, ended, done, and the IMs and calls between members.
 * Every entry goes to the store; the live interactions' entries stay in memory for the history request. Touched
 * on the core thread only.
 */
public final class InteractionLog implements ContactCentreListener {
    /** The kind of a supervision's first entry; its detail starts with the supervision's id. */
    public static final String MONITORED = "monitored";
    private static final String WHISPERED = "whispered";
    private static final String BARGED_IN = "barged-in";
    private static final String SUPERVISION_ENDED = "supervision-ended";
    /** The log's entries of supervision: the supervisors' record, not the parties' (see TranscriptAccess). */
    private static final Set<String> SUPERVISION = Set.of(MONITORED, WHISPERED, BARGED_IN, SUPERVISION_ENDED);

    /** One entry: what happened, who did it, and a detail such as a consultation id or a reason. */
    public record Entry(Instant time, String kind, String actor, String detail) {
    }

    private final Clock clock;
    private final Journal journal;
    private final Map<String, List<Entry>> logs = new HashMap<>();
    /**
     * How many entries each recently ended interaction has: a consultation may still be marked done after its
     * chat ended, and that entry must take the next number, not one the store already holds. Bounded like the
     * ended consultations the core keeps for that Mark Done.
     */
    private final Map<String, Integer> endedCounts = new Newest<>(ContactCentre.MAX_ENDED_REMEMBERED);

    public InteractionLog(Clock clock, Journal journal) {
        this.clock = clock;
        this.journal = journal;
    }

    public void add(Interaction interaction, String kind, String actor, String detail) {
        Entry entry = new Entry(clock.instant(), kind, Columns.fit(actor, Columns.ADDRESS),
                Columns.fit(detail, Columns.DETAIL));
        int seq;
        Integer endedCount = endedCounts.get(interaction.id());
        if (endedCount != null) {
            seq = endedCount + 1;
            endedCounts.put(interaction.id(), seq);
        } else {
            List<Entry> entries = logs.computeIfAbsent(interaction.id(), id -> new ArrayList<>());
            entries.add(entry);
            seq = entries.size();
        }
        journal.append(new Store.Event(interaction.id(), seq, entry.time(), kind, entry.actor(), entry.detail()));
    }

    /**
     * The supervisions of a chat its log shows begun and not ended, by id, each with its supervisor and whether
     * she barged in: what a restart cut off (a supervision lives in memory only).
     */
    public List<OpenSupervision> openSupervisions(String interactionId) {
        Map<String, OpenSupervision> open = new java.util.LinkedHashMap<>();
        for (Entry entry : logs.getOrDefault(interactionId, List.of())) {
            String id = supervisionOf(entry.detail());
            switch (entry.kind()) {
                case MONITORED -> open.put(id, new OpenSupervision(id, entry.actor(), false));
                case BARGED_IN -> open.computeIfPresent(id, (key, was) -> new OpenSupervision(key, was.supervisor(),
                        true));
                case SUPERVISION_ENDED -> open.remove(id);
                default -> { }
            }
        }
        return List.copyOf(open.values());
    }

    /** The supervision a supervision entry's detail names: its first word. */
    public static String supervisionOf(String detail) {
        return detail == null ? null : detail.split(" ", 2)[0];
    }

    /** A supervision the log shows begun and not ended. */
    public record OpenSupervision(String id, String supervisor, boolean barged) {
    }

    /** Whether an entry of this kind records a supervisor's doing. */
    public static boolean isSupervision(String kind) {
        return SUPERVISION.contains(kind);
    }

    public List<Entry> entries(String interactionId) {
        return List.copyOf(logs.getOrDefault(interactionId, List.of()));
    }

    /** The newest entry of a kind, if any. */
    public Optional<Entry> last(String interactionId, String kind) {
        List<Entry> entries = logs.getOrDefault(interactionId, List.of());
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).kind().equals(kind)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** When the chat's first agent accepted it, if one has: from its entries, so a restart keeps it. */
    public Optional<Instant> answered(String interactionId) {
        return logs.getOrDefault(interactionId, List.of()).stream().filter(e -> e.kind().equals("accepted"))
                .findFirst().map(Entry::time);
    }

    /** Takes back a restored interaction's entries from the store, so numbering and history go on. */
    public void restore(String interactionId, List<Store.Event> events) {
        List<Entry> entries = new ArrayList<>();
        for (Store.Event event : events) {
            entries.add(new Entry(event.time(), event.kind(), event.actor(), event.detail()));
        }
        logs.put(interactionId, entries);
    }

    /** Takes back how many entries each recently ended interaction has, so that a late Mark Done numbers on. */
    public void restoreEnded(Map<String, Long> lastEvents) {
        lastEvents.forEach((interactionId, last) -> endedCounts.put(interactionId, last.intValue()));
    }

    @Override
    public void interactionCreated(Interaction interaction) {
        add(interaction, "created", interaction.contact(), interaction.routingPoint().name());
    }

    @Override
    public void queued(Interaction interaction, int position) {
        add(interaction, "queued", null, String.valueOf(position));
    }

    @Override
    public void offered(Interaction interaction, Offer offer) {
        add(interaction, "offered", offer.agent(), offer.id());
    }

    @Override
    public void offerRevoked(Interaction interaction, Offer offer, RevokeReason reason) {
        add(interaction, revocation(reason), offer.agent(), offer.id() + " " + reason.token() + said(offer));
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
    public void consultationOffered(Consultation consultation, Offer offer) {
        add(consultation.interaction(), "consultation-offered", offer.agent(), consultation.id());
    }

    @Override
    public void consultationOfferRevoked(Consultation consultation, Offer offer, RevokeReason reason) {
        add(consultation.interaction(), "consultation-" + revocation(reason), offer.agent(),
                consultation.id() + " " + reason.token() + said(offer));
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        add(consultation.interaction(), "consultation-accepted", consultation.target(), consultation.id());
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        boolean released = consultation.target() == null;
        add(consultation.interaction(), released ? "consultation-released" : "consultation-ended", null,
                consultation.id() + " " + reason.token());
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
    public void handoverReleased(Handover handover, RevokeReason reason) {
        add(handover.interaction(), handover.kind().token() + "-released", handover.initiator(),
                handover.target() + " " + reason.token());
    }

    /** The audit of supervision: who monitored, whispered to whom, barged in, and when it ended. */
    @Override
    public void supervisionStarted(Supervision supervision) {
        add(supervision.interaction(), MONITORED, supervision.supervisor(), supervision.id()
                + (supervision.withConsultations() ? " with-consultations" : ""));
    }

    @Override
    public void whispered(Supervision supervision, String text, boolean saidInRoom, boolean firstToAgent) {
        add(supervision.interaction(), WHISPERED, supervision.supervisor(), supervision.id() + " "
                + supervision.whisperedTo());
    }

    @Override
    public void bargedIn(Supervision supervision) {
        add(supervision.interaction(), BARGED_IN, supervision.supervisor(), supervision.id());
    }

    @Override
    public void supervisionEnded(Supervision supervision, String reason) {
        add(supervision.interaction(), SUPERVISION_ENDED, supervision.supervisor(), supervision.id() + " " + reason);
    }

    /** A supervision a restart cut off ends on the chat's log, as one that ended while the service ran does. */
    public void supervisionCutOff(Interaction interaction, OpenSupervision cut, String reason) {
        add(interaction, SUPERVISION_ENDED, cut.supervisor(), cut.id() + " " + reason);
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        Disposition done = interaction.disposition();
        if (done != null) {
            add(interaction, "done", done.party(), done.code());
        }
        add(interaction, "ended", null, reason.token());
        endedCounts.put(interaction.id(), logs.remove(interaction.id()).size());
    }

    /** What the agent said on declining, after a colon; nothing when she said nothing. */
    private static String said(Offer offer) {
        return offer.note() == null ? "" : ": " + offer.note();
    }

    private static String revocation(RevokeReason reason) {
        switch (reason) {
            case DECLINED: return "declined";
            case TIMEOUT: return "timed-out";
            default: return "revoked";
        }
    }
}
