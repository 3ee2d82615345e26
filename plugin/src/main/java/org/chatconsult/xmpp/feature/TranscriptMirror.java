package org.chatconsult.xmpp.feature;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationEndReason;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.EndReason;
import org.chatconsult.core.Interaction;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Keeps each contact chat's transcript as the service's occupant hears it, and mirrors it into the chat's
 * consultation rooms: the whole transcript when a target accepts (so the MUC service's history limit never cuts
 * it), then every new line, in order. Each mirrored line is readable text plus a {@code <mirrored/>} element
 * with the original sender, role, time and a sequence number. Lines only ever flow from the contact room into
 * consultation rooms, never back. Touched on the core thread only.
 */
public final class TranscriptMirror implements ContactCentreListener {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One line of a contact chat. */
    public record Line(long seq, String from, String role, Instant time, String text) {
    }

    private final Addresses addresses;
    private final Consumer<Packet> out;
    private final Map<String, List<Line>> transcripts = new HashMap<>();
    private final Map<String, Set<Consultation>> mirrors = new HashMap<>();

    public TranscriptMirror(Addresses addresses, Consumer<Packet> out) {
        this.addresses = addresses;
        this.out = out;
    }

    /** A line said in a contact room; mirrored at once into the chat's active consultations. */
    public void record(Interaction interaction, String from, String role, Instant time, String text) {
        List<Line> lines = transcripts.computeIfAbsent(interaction.id(), id -> new ArrayList<>());
        Line line = new Line(lines.size() + 1, from, role, time, text);
        lines.add(line);
        for (Consultation consultation : mirrors.getOrDefault(interaction.id(), Set.of())) {
            mirror(consultation, line);
        }
    }

    /** The last {@code count} lines of a chat, for an offer's preview. */
    public List<Line> lastLines(String interactionId, int count) {
        List<Line> lines = transcripts.getOrDefault(interactionId, List.of());
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    public List<Line> transcript(String interactionId) {
        return List.copyOf(transcripts.getOrDefault(interactionId, List.of()));
    }

    @Override
    public void consultationAccepted(Consultation consultation) {
        for (Line line : transcripts.getOrDefault(consultation.interaction().id(), List.of())) {
            mirror(consultation, line);
        }
        mirrors.computeIfAbsent(consultation.interaction().id(), id -> new LinkedHashSet<>()).add(consultation);
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        Set<Consultation> active = mirrors.get(consultation.interaction().id());
        if (active != null) {
            active.remove(consultation);
        }
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        transcripts.remove(interaction.id());
        mirrors.remove(interaction.id());
    }

    private void mirror(Consultation consultation, Line line) {
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setFrom(addresses.serviceOccupant(consultation.id()));
        message.setTo(addresses.room(consultation.id()));
        message.setBody("[" + CLOCK.format(line.time()) + "] " + line.from() + " (" + line.role() + "): " + line.text());
        Element mirrored = Protocol.element("mirrored");
        mirrored.addAttribute("consultation", consultation.id());
        mirrored.addAttribute("interaction", consultation.interaction().id());
        mirrored.addAttribute("seq", String.valueOf(line.seq()));
        mirrored.addAttribute("from", line.from());
        mirrored.addAttribute("role", line.role());
        mirrored.addAttribute("time", line.time().toString());
        message.getElement().add(mirrored);
        out.accept(message);
    }
}
