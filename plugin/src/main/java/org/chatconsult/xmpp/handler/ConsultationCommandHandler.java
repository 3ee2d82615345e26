package org.chatconsult.xmpp.handler;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationDesk;
import org.chatconsult.core.ConsultationState;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Recents;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.Targets;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.chatconsult.xmpp.feature.InteractionLog;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The consultation commands of the SDK, as IQs in our namespace: {@code consult}, {@code end-consultation},
 * {@code done} (of a consultation, or of a chat), {@code im}, {@code call}, {@code history} and
 * {@code transcript}. Each completes with exactly one reply.
 */
public final class ConsultationCommandHandler {
    public static final Set<String> COMMANDS = Set.of("consult", "end-consultation", "done", "im", "call", "history",
            "transcript");

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

    public CompletableFuture<IQ> handle(IQ iq) {
        Element command = iq.getChildElement();
        String agent = iq.getFrom().toBareJID();
        String name = command.getName();
        IQ.Type expected = name.equals("history") || name.equals("transcript") ? IQ.Type.get : IQ.Type.set;
        if (iq.getType() != expected) {
            return refuse(iq, PacketError.Condition.bad_request, name + " takes type " + expected);
        }
        boolean aboutChat = name.equals("consult") || name.equals("history")
                || (name.equals("done") && command.attributeValue("interaction") != null);
        String id = Fields.id(command, aboutChat ? "interaction" : "consultation");
        CompletableFuture<IQ> reply;
        switch (name) {
            case "consult":
                reply = consult(iq, agent, id, Fields.jid(command, "target"));
                break;
            case "end-consultation":
                reply = core.ask(centre -> {
                    centre.consultations().end(agent, id);
                    return IQ.createResultIQ(iq);
                });
                break;
            case "done": {
                String code = Fields.attribute(command, "disposition", Limits.MAX_DISPOSITION);
                String note = Fields.text("the note", command.elementText("note"), Limits.MAX_NOTE);
                reply = core.ask(centre -> {
                    if (aboutChat) {
                        centre.markDone(agent, id, code, note);
                    } else {
                        centre.consultations().done(agent, id, code, note);
                    }
                    return IQ.createResultIQ(iq);
                });
                break;
            }
            case "transcript": {
                String after = Fields.attribute(command, "after", 20); // a sequence number
                reply = core.ask(centre -> transcript(iq, centre, agent, id, after));
                break;
            }
            case "history":
                reply = core.ask(centre -> history(iq, centre, agent, id));
                break;
            default:
                reply = core.ask(centre -> otherParty(iq, centre, agent, id, name));
        }
        return reply.exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
    }

    /** Starts the consultation, and answers once its room is ready for the initiator to enter. */
    private CompletableFuture<IQ> consult(IQ iq, String agent, String interaction, JID target) {
        return start(agent, interaction, target).thenApply(consultation -> {
            IQ result = IQ.createResultIQ(iq);
            Element element = result.setChildElement("consultation", Protocol.NS);
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
     * IM or call the other member (the seed's Action menu): the answer names the other party's session, to
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
        Element party = result.setChildElement("party", Protocol.NS);
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
        Element transcript = result.setChildElement("transcript", Protocol.NS);
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

    /** The interaction's history, for its owner and the members of its consultations. */
    private IQ history(IQ iq, ContactCentre centre, String agent, String interactionId) {
        Interaction interaction = centre.interaction(interactionId).orElse(null);
        boolean allowed = interaction != null && (agent.equals(interaction.owner())
                || centre.consultations().of(interactionId).stream().anyMatch(c -> c.isMember(agent)));
        if (!allowed) {
            // The same answer whether or not the interaction exists: it reveals nothing to outsiders.
            throw new CoreException(CoreException.Kind.NOT_FOUND, ContactCentre.NO_CHAT);
        }
        IQ result = IQ.createResultIQ(iq);
        Element history = result.setChildElement("history", Protocol.NS);
        history.addAttribute("interaction", interactionId);
        for (InteractionLog.Entry entry : log.entries(interactionId)) {
            Element event = history.addElement("event");
            event.addAttribute("time", entry.time().toString());
            event.addAttribute("kind", entry.kind());
            if (entry.actor() != null) {
                event.addAttribute("by", entry.actor());
            }
            if (entry.detail() != null) {
                event.setText(entry.detail());
            }
        }
        return result;
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
