package org.chatconsult.xmpp.feature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationState;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.InteractionState;
import org.chatconsult.core.Supervision;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.Columns;
import org.chatconsult.store.Store;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Keeps the transcript of each contact room and consultation room as the service's occupant hears it, hands
 * every line to the store, and mirrors contact lines into the chat's consultation rooms: the whole transcript
 * when a target accepts (so the MUC service's history limit never cuts it), then every new line, in order.
 * Each mirrored line is readable text plus a {@code <mirrored/>} element with the original sender, role, time
 * and a sequence number. Lines only ever flow from the contact room into consultation rooms, never back.
 * Touched on the core thread only.
 */
public final class TranscriptMirror implements ContactCentreListener {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** A line from room history this close in time to a known one with the same sender and text is that line. */
    private static final Duration SAME_LINE = Duration.ofSeconds(5);
    /**
     * How far before the newest known line a re-entered room's history is asked for. Wider than the servers'
     * one-second stamps: a line the service missed (a stanza to it bounced while a plugin reload was under way)
     * may come before the newest line it heard before the server put it out of the room. What overlaps is
     * recognised ({@link #known}).
     */
    private static final Duration HISTORY_OVERLAP = Duration.ofSeconds(30);
    /** History is asked for from a little before the newest known line: older lines need no comparing. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);

    /** One line said in a room; {@code stanzaId} is the message's id attribute, if it had one. */
    public record Line(long seq, String from, String role, Instant time, String text, String stanzaId) {
    }

    private final Addresses addresses;
    private final Consumer<Packet> out;
    private final Consumer<Store.Message> archive;
    private final Map<String, List<Line>> transcripts = new HashMap<>();
    private final Map<String, Set<Consultation>> mirrors = new HashMap<>();
    /** Per chat, the supervisions watching it: each gets the chat's lines, and its consultations' if she chose. */
    private final Map<String, Set<Supervision>> watchers = new HashMap<>();
    /** Consultations whose room the service is re-entering: their lines wait for it. */
    private final Set<String> paused = new HashSet<>();
    /** Per consultation, the first line its room may not have received (held back, or bounced). */
    private final Map<String, Long> resendFrom = new HashMap<>();

    public TranscriptMirror(Addresses addresses, Consumer<Packet> out, Consumer<Store.Message> archive) {
        this.addresses = addresses;
        this.out = out;
        this.archive = archive;
    }

    /** A line said in a contact room; archived and mirrored at once into the chat's active consultations. */
    public void record(Interaction interaction, String from, String role, Instant time, String text, String stanzaId) {
        Line line = append(interaction.id(), interaction.id(), from, role, time, text, stanzaId);
        for (Consultation consultation : mirrors.getOrDefault(interaction.id(), Set.of())) {
            mirror(consultation, line);
        }
        for (Supervision supervision : watchers.getOrDefault(interaction.id(), Set.of())) {
            watch(supervision, null, line);
        }
    }

    /** A line said in a consultation room by one of its members; archived, never relayed. */
    public void recordConsultation(Consultation consultation, String from, String role, Instant time, String text,
            String stanzaId) {
        Line line = append(consultation.interaction().id(), consultation.id(), from, role, time, text, stanzaId);
        for (Supervision supervision : watchers.getOrDefault(consultation.interaction().id(), Set.of())) {
            if (supervision.withConsultations()) {
                watch(supervision, consultation.id(), line);
            }
        }
    }

    /**
     * A line said in a supervision's room (a whisper, or the agent's answer): archived under the supervision, for
     * the audit and the export; never relayed anywhere.
     */
    public void recordSupervision(Supervision supervision, String from, String role, Instant time, String text,
            String stanzaId) {
        append(supervision.interaction().id(), supervision.id(), from, role, time, text, stanzaId);
    }

    /**
     * Mirrors into a supervision's room the chat so far (and its live consultations', if she chose), then every
     * new line as it is said: once, when she first enters the room (so the MUC service's history limit never cuts
     * it).
     */
    public void startWatching(Supervision supervision, List<Consultation> consultations) {
        Set<Supervision> watching = watchers.getOrDefault(supervision.interaction().id(), Set.of());
        if (supervision.interaction().state() == InteractionState.ENDED || watching.contains(supervision)) {
            return;
        }
        for (Line line : transcripts.getOrDefault(supervision.interaction().id(), List.of())) {
            watch(supervision, null, line);
        }
        if (supervision.withConsultations()) {
            for (Consultation consultation : consultations) {
                for (Line line : transcripts.getOrDefault(consultation.id(), List.of())) {
                    watch(supervision, consultation.id(), line);
                }
            }
        }
        watchers.computeIfAbsent(supervision.interaction().id(), id -> new LinkedHashSet<>()).add(supervision);
    }

    @Override
    public void supervisionEnded(Supervision supervision, String reason) {
        Set<Supervision> watching = watchers.get(supervision.interaction().id());
        if (watching != null) {
            watching.remove(supervision);
        }
        transcripts.remove(supervision.id());
        resendFrom.remove(supervision.id()); // a bounced line of hers is not said again
    }

    /**
     * A line from a room's history, heard when the service re-entered the room after a restart: kept (and, in a
     * contact room, mirrored) unless the service had it already. True if it was new.
     */
    public boolean recover(Interaction interaction, Consultation consultation, String from, String role, Instant time,
            String text, String stanzaId) {
        String roomId = consultation == null ? interaction.id() : consultation.id();
        if (known(roomId, "unknown".equals(role) ? null : from, time, text, stanzaId)) {
            return false;
        }
        // Servers stamp history to the second (XEP-0203): never let a recovered line go before a known one.
        Instant last = lastTime(roomId);
        Instant at = last != null && time.isBefore(last) ? last : time;
        if (consultation == null) {
            record(interaction, from, role, at, text, stanzaId);
        } else {
            recordConsultation(consultation, from, role, at, text, stanzaId);
        }
        return true;
    }

    /** When the newest known line of a room was said, or null if none is. */
    private Instant lastTime(String roomId) {
        List<Line> lines = transcripts.getOrDefault(roomId, List.of());
        return lines.isEmpty() ? null : lines.get(lines.size() - 1).time();
    }

    /**
     * From when to ask a re-entered room for its history (XEP-0045 §7.2.15): a little before the newest line the
     * service has (or the room's start), so that nothing falls in between; what overlaps is recognised.
     */
    public Instant historySince(String roomId, Instant roomStarted) {
        Instant last = lastTime(roomId);
        return (last == null ? roomStarted : last).minus(HISTORY_OVERLAP);
    }

    /** Takes back a restored interaction's lines (contact room and consultation rooms) from the store. */
    public void restore(List<Store.Message> messages) {
        for (Store.Message m : messages) {
            transcripts.computeIfAbsent(m.roomId(), id -> new ArrayList<>())
                    .add(new Line(m.seq(), m.sender(), m.role(), m.time(), m.body(), m.stanzaId()));
        }
    }

    /** The last {@code count} lines of a chat, for an offer's preview. */
    public List<Line> lastLines(String interactionId, int count) {
        List<Line> lines = transcripts.getOrDefault(interactionId, List.of());
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The lines of a contact room (by interaction id) or of a consultation room (by consultation id). */
    public List<Line> transcript(String roomId) {
        return List.copyOf(transcripts.getOrDefault(roomId, List.of()));
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        replay(consultation);
        mirrors.computeIfAbsent(consultation.interaction().id(), id -> new LinkedHashSet<>()).add(consultation);
    }

    @Override
    public void consultationRestored(Consultation consultation) {
        if (consultation.state() == ConsultationState.ACTIVE) {
            mirrors.computeIfAbsent(consultation.interaction().id(), id -> new LinkedHashSet<>()).add(consultation);
        }
    }

    /** Mirrors the whole transcript again: into a consultation room the server had to make anew. */
    public void replay(Consultation consultation) {
        for (Line line : transcripts.getOrDefault(consultation.interaction().id(), List.of())) {
            mirror(consultation, line);
        }
    }

    /** The service is re-entering the consultation's room: hold its lines back until {@link #resume}. */
    public void pause(String consultationId) {
        paused.add(consultationId);
    }

    /** The consultation's room lacks the lines from {@code seq} on: one bounced, or the room is new. */
    public void missed(String consultationId, long seq) {
        resendFrom.merge(consultationId, seq, Math::min);
    }

    /** The service is back in the consultation's room: send what the room may have missed, in order. */
    public void resume(Consultation consultation) {
        paused.remove(consultation.id());
        Long from = resendFrom.remove(consultation.id());
        if (from == null || consultation.state() != ConsultationState.ACTIVE) {
            return;
        }
        for (Line line : transcripts.getOrDefault(consultation.interaction().id(), List.of())) {
            if (line.seq() >= from) {
                mirror(consultation, line);
            }
        }
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        Set<Consultation> active = mirrors.get(consultation.interaction().id());
        if (active != null) {
            active.remove(consultation);
        }
        transcripts.remove(consultation.id());
        paused.remove(consultation.id());
        resendFrom.remove(consultation.id());
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        transcripts.remove(interaction.id());
        mirrors.remove(interaction.id());
        watchers.remove(interaction.id());
    }

    private Line append(String interactionId, String roomId, String from, String role, Instant time, String text,
            String stanzaId) {
        List<Line> lines = transcripts.computeIfAbsent(roomId, id -> new ArrayList<>());
        long seq = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).seq() + 1;
        // Sized for the store: a nick cut to its column, an id too long to keep is no use for finding a line again.
        String sender = Columns.fit(from, Columns.ADDRESS);
        String id = stanzaId != null && stanzaId.length() > Columns.STANZA_ID ? null : stanzaId;
        Line line = new Line(seq, sender, role, time, text, id);
        lines.add(line);
        archive.accept(new Store.Message(interactionId, roomId, seq, time, sender, role, text, id));
        return line;
    }

    /** Whether the room's line is known; {@code from} is null when the room could not say who spoke. */
    private boolean known(String roomId, String from, Instant time, String text, String stanzaId) {
        List<Line> lines = transcripts.getOrDefault(roomId, List.of());
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (stanzaId != null && stanzaId.equals(line.stanzaId())) {
                return true;
            }
            if ((from == null || line.from().equals(from)) && line.text().equals(text)
                    && Duration.between(line.time(), time).abs().compareTo(SAME_LINE) <= 0) {
                return true;
            }
            if (line.time().isBefore(time.minus(LOOK_BACK))) {
                return false;
            }
        }
        return false;
    }

    private void mirror(Consultation consultation, Line line) {
        if (paused.contains(consultation.id())) {
            missed(consultation.id(), line.seq());
            return;
        }
        // The line's place in the chat is stored, so the id is the same after a restart says it again.
        Element mirrored = mirrored(consultation.interaction().id(), line);
        mirrored.addAttribute("consultation", consultation.id());
        out.accept(mirroredLine(consultation.id(), consultation.id() + "-" + line.seq(), line, mirrored));
    }

    /** A line of the chat ({@code fromConsultation} null) or of one of its consultations into a supervision's room. */
    private void watch(Supervision supervision, String fromConsultation, Line line) {
        Element mirrored = mirrored(supervision.interaction().id(), line);
        mirrored.addAttribute("supervision", supervision.id());
        mirrored.addAttribute("consultation", fromConsultation);
        // Each room numbers its own lines: the id names the room the line was said in.
        String source = fromConsultation == null ? supervision.interaction().id() : fromConsultation;
        out.accept(mirroredLine(supervision.id(), supervision.id() + "-" + source + "-" + line.seq(), line,
                mirrored));
    }

    private static Element mirrored(String interactionId, Line line) {
        Element mirrored = Protocol.element(Wire.MIRRORED);
        mirrored.addAttribute("interaction", interactionId);
        mirrored.addAttribute("seq", String.valueOf(line.seq()));
        mirrored.addAttribute("from", line.from());
        mirrored.addAttribute("role", line.role());
        mirrored.addAttribute("time", line.time().toString());
        return mirrored;
    }

    private Message mirroredLine(String roomId, String stanzaId, Line line, Element mirrored) {
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setFrom(addresses.serviceOccupant(roomId));
        message.setTo(addresses.room(roomId));
        message.setBody("[" + CLOCK.format(line.time()) + "] " + line.from() + " (" + line.role() + "): " + line.text());
        Protocol.stableId(message, stanzaId);
        message.getElement().add(mirrored);
        return message;
    }
}
