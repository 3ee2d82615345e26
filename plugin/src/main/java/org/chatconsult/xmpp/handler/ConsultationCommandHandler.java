package org.chatconsult.xmpp.handler;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationDesk;
import org.chatconsult.core.ConsultationState;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Recents;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.Targets;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * The agents' IQ commands about consultations, in our namespace: {@code consult}, {@code end-consultation},
 * {@code done} (of a consultation), {@code im}, {@code call} and {@code transcript}. Each completes with exactly
 * one reply.
 */
public final class ConsultationCommandHandler {
    private final Addresses addresses;
    private final CoreThread core;
    private final ConsultationRooms rooms;
    private final AgentSessions sessions;
    private final InteractionLog log;
    private final Targets targets;
    private final Recents recents;
    private final Clock clock;
    private final TranscriptMirror transcripts;

    public ConsultationCommandHandler(Addresses addresses, CoreThread core, ConsultationRooms rooms,
            AgentSessions sessions, InteractionLog log, Targets targets, Recents recents, Clock clock,
            TranscriptMirror transcripts) {
        this.transcripts = transcripts;
        this.addresses = addresses;
        this.targets = targets;
        this.recents = recents;
        this.clock = clock;
        this.core = core;
        this.rooms = rooms;
        this.sessions = sessions;
        this.log = log;
    }

    public CompletableFuture<IQ> consult(IQ iq) {
        Element command = iq.getChildElement();
        return consult(iq, agent(iq), Fields.id(command, "interaction"), Fields.jid(command, "target"));
    }

    public CompletableFuture<IQ> end(IQ iq) {
        String id = Fields.id(iq.getChildElement(), "consultation");
        return core.ask(centre -> {
            centre.consultations().end(agent(iq), id);
            return IQ.createResultIQ(iq);
        });
    }

    /** Mark Done of the agent's part in a consultation, with an optional disposition and note. */
    public CompletableFuture<IQ> done(IQ iq) {
        Element command = iq.getChildElement();
        String id = Fields.id(command, "consultation");
        String code = Fields.attribute(command, "disposition", Limits.MAX_DISPOSITION);
        String note = Fields.text("the note", command.elementText("note"), Limits.MAX_NOTE);
        return core.ask(centre -> {
            centre.consultations().done(agent(iq), id, code, note);
            return IQ.createResultIQ(iq);
        });
    }

    /** IM ({@code <im/>}) or call ({@code <call/>}) the other member. */
    public CompletableFuture<IQ> otherParty(IQ iq) {
        String id = Fields.id(iq.getChildElement(), "consultation");
        return core.ask(centre -> otherParty(iq, centre, agent(iq), id, iq.getChildElement().getName()));
    }

    public CompletableFuture<IQ> transcript(IQ iq) {
        Element command = iq.getChildElement();
        String id = Fields.id(command, "consultation");
        String after = Fields.attribute(command, "after", 20); // a sequence number
        return core.ask(centre -> transcript(iq, centre, agent(iq), id, after));
    }

    private static String agent(IQ iq) {
        return iq.getFrom().toBareJID();
    }


    /** Starts the consultation, and answers once its room is ready for the initiator to enter. */
    private CompletableFuture<IQ> consult(IQ iq, String agent, String interaction, JID target) {
        return start(agent, interaction, target).thenApply(consultation -> {
            IQ result = IQ.createResultIQ(iq);
            Element element = result.setChildElement(Wire.CONSULTATION, Protocol.NS);
            element.addAttribute("id", consultation.id());
            element.addAttribute("interaction", consultation.interaction().id());
            element.addAttribute("room", addresses.room(consultation.id()).toBareJID());
            return result;
        });
    }

    /**
     * Starts a consultation about {@code interaction} with {@code target} (an agent's or a routing point's
     * address); completes once its room is ready for the initiator to enter.
     */
    public CompletableFuture<Consultation> start(String agent, String interaction, JID target) {
        return core.ask(centre -> centre.consultations().start(agent, interaction, target.toBareJID(),
                        targets.candidates(target)))
                .thenCompose(consultation -> rooms.whenReady(consultation.id()).thenApply(ready -> consultation));
    }

    /**
     * IM or call the other member (Genesys Workspace's Action menu): the answer names the other party's session, to
     * which the client sends its 1:1 message or XEP-0353 call proposal; the service records it on the
     * interaction's history.
     */
    private IQ otherParty(IQ iq, ContactCentre centre, String agent, String consultationId, String kind) {
        Consultation consultation = centre.consultations().consultation(consultationId)
                .filter(c -> c.state() == ConsultationState.ACTIVE)
                .filter(c -> c.isMember(agent))
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                        ConsultationDesk.NO_CONSULTATION));
        String other = consultation.otherParty(agent);
        log.add(consultation.interaction(), kind, agent, consultation.id() + " " + other);
        recents.add(agent, other, kind, clock.instant());
        IQ result = IQ.createResultIQ(iq);
        Element party = result.setChildElement(Wire.PARTY, Protocol.NS);
        party.addAttribute("jid", sessions.address(other).toString());
        party.addAttribute("consultation", consultation.id());
        party.addAttribute("interaction", consultation.interaction().id());
        party.addAttribute("name", centre.directory().displayName(other));
        return result;
    }

    /**
     * The mirrored lines of a consultation's chat after sequence number {@code after}: how a member's client
     * fills the gap a reconnect left, whatever the room's history kept.
     */
    private IQ transcript(IQ iq, ContactCentre centre, String agent, String consultationId, String after) {
        Consultation consultation = centre.consultations().consultation(consultationId)
                .filter(c -> c.state() == ConsultationState.ACTIVE && c.isMember(agent))
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                        ConsultationDesk.NO_CONSULTATION));
        long from;
        try {
            from = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "after must be a sequence number");
        }
        IQ result = IQ.createResultIQ(iq);
        Element transcript = result.setChildElement(Wire.TRANSCRIPT, Protocol.NS);
        transcript.addAttribute("consultation", consultation.id());
        transcript.addAttribute("interaction", consultation.interaction().id());
        for (TranscriptMirror.Line line : transcripts.transcript(consultation.interaction().id())) {
            if (line.seq() > from) {
                transcript.addElement("line").addAttribute("seq", String.valueOf(line.seq()))
                        .addAttribute("from", line.from()).addAttribute("role", line.role())
                        .addAttribute("time", line.time().toString()).setText(line.text());
            }
        }
        return result;
    }
}
