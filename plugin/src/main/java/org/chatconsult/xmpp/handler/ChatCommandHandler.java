package org.chatconsult.xmpp.handler;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.Targets;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The agents' IQ commands about chats, in our namespace: {@code <decline offer='…'/>},
 * {@code <end interaction='…'/>}, {@code <conference interaction='…' target='…'/>},
 * {@code <transfer interaction='…' target='…' mode='warm|cold'/>}, {@code <done interaction='…'/>} and
 * {@code <history interaction='…'/>}. Each completes with exactly one reply (RFC 6120 §8.2.3); a field missing,
 * too long or malformed is refused by {@link Fields} before the core sees it.
 */
public final class ChatCommandHandler {
    private final CoreThread core;
    private final Targets targets;
    private final InteractionLog log;

    public ChatCommandHandler(CoreThread core, Targets targets, InteractionLog log) {
        this.core = core;
        this.targets = targets;
        this.log = log;
    }

    /** Declines an offer, optionally saying why ({@code <reason/>}): the chat's history keeps it. */
    public CompletableFuture<IQ> decline(IQ iq) {
        String offer = Fields.id(iq.getChildElement(), "offer");
        String reason = Fields.text("the reason", iq.getChildElement().elementText("reason"), Limits.MAX_NOTE);
        return run(iq, centre -> centre.decline(agent(iq), offer, reason));
    }

    public CompletableFuture<IQ> end(IQ iq) {
        String interaction = Fields.id(iq.getChildElement(), "interaction");
        return run(iq, centre -> centre.endByAgent(agent(iq), interaction));
    }

    /** Mark Done of the agent's part in a chat, with an optional disposition and note. */
    public CompletableFuture<IQ> done(IQ iq) {
        Element command = iq.getChildElement();
        String interaction = Fields.id(command, "interaction");
        String code = Fields.attribute(command, "disposition", Limits.MAX_DISPOSITION);
        String note = Fields.text("the note", command.elementText("note"), Limits.MAX_NOTE);
        return run(iq, centre -> centre.markDone(agent(iq), interaction, code, note));
    }

    /** A conference or a (warm or cold) transfer: the answer names the handover, whose offers follow. */
    public CompletableFuture<IQ> handover(IQ iq) {
        Element command = iq.getChildElement();
        String interaction = Fields.id(command, "interaction");
        JID target = Fields.jid(command, "target");
        Handover.Kind kind = kind(command);
        if (kind == null) {
            return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(
                    PacketError.Condition.bad_request, "transfer needs the attribute 'mode': warm or cold")));
        }
        return core.ask(centre -> {
            Handover handover = centre.handovers().start(kind, agent(iq), interaction, targets.candidates(target));
            IQ result = IQ.createResultIQ(iq);
            Element element = result.setChildElement(Wire.HANDOVER, Protocol.NS);
            element.addAttribute("id", handover.id());
            element.addAttribute("kind", kind.token());
            element.addAttribute("interaction", interaction);
            return result;
        });
    }

    /**
     * The interaction's history, for its owner, the members of its consultations and supervisors; supervision's
     * entries for supervisors alone.
     */
    public CompletableFuture<IQ> history(IQ iq) {
        String interactionId = Fields.id(iq.getChildElement(), "interaction");
        String agent = agent(iq);
        return core.ask(centre -> {
            Interaction interaction = centre.interaction(interactionId).orElse(null);
            boolean supervisor = centre.directory().isSupervisor(agent);
            boolean allowed = interaction != null && (agent.equals(interaction.owner()) || supervisor
                    || centre.consultations().of(interactionId).stream().anyMatch(c -> c.isMember(agent)));
            if (!allowed) {
                // The same answer whether or not the interaction exists: it reveals nothing to outsiders.
                throw new CoreException(CoreException.Kind.NOT_FOUND, ContactCentre.NO_CHAT);
            }
            IQ result = IQ.createResultIQ(iq);
            Element history = result.setChildElement(Wire.HISTORY, Protocol.NS);
            history.addAttribute("interaction", interactionId);
            for (InteractionLog.Entry entry : log.entries(interactionId)) {
                if (!supervisor && InteractionLog.isSupervision(entry.kind())) {
                    continue; // silent monitoring stays silent in the parties' history
                }
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
        });
    }

    private static Handover.Kind kind(Element command) {
        if (command.getName().equals("conference")) {
            return Handover.Kind.CONFERENCE;
        }
        String mode = command.attributeValue("mode", "");
        return mode.equals("warm") ? Handover.Kind.WARM_TRANSFER
                : mode.equals("cold") ? Handover.Kind.COLD_TRANSFER : null;
    }

    private static String agent(IQ iq) {
        return iq.getFrom().toBareJID();
    }

    /** Runs a command on the core thread; its reply is an empty result (a refusal is answered by the dispatcher). */
    private CompletableFuture<IQ> run(IQ iq, Consumer<ContactCentre> command) {
        return core.ask(centre -> {
            command.accept(centre);
            return IQ.createResultIQ(iq);
        });
    }
}
