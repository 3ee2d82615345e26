package org.chatconsult.xmpp.handler;

import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Handover;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.Targets;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The agents' IQ commands about chats, in our namespace: {@code <decline offer='…'/>},
 * {@code <end interaction='…'/>}, {@code <conference interaction='…' target='…'/>} and
 * {@code <transfer interaction='…' target='…' mode='warm|cold'/>}. Each completes with exactly one reply
 * (RFC 6120 §8.2.3); a field missing, too long or malformed is refused by {@link Fields} before the core sees it.
 */
public final class AgentCommandHandler {
    public static final java.util.Set<String> COMMANDS = java.util.Set.of("decline", "end", "conference", "transfer");

    private final CoreThread core;
    private final Targets targets;

    public AgentCommandHandler(CoreThread core, Targets targets) {
        this.core = core;
        this.targets = targets;
    }

    public CompletableFuture<IQ> handle(IQ iq) {
        Element command = iq.getChildElement();
        String agent = iq.getFrom().toBareJID();
        if (iq.getType() != IQ.Type.set) {
            return refuse(iq, PacketError.Condition.bad_request, command.getName() + " is a command: use type set");
        }
        switch (command.getName()) {
            case "decline": {
                String offer = Fields.id(command, "offer");
                return run(iq, () -> core.ask(centre -> {
                    centre.decline(agent, offer);
                    return null;
                }));
            }
            case "end": {
                String interaction = Fields.id(command, "interaction");
                return run(iq, () -> core.ask(centre -> {
                    centre.endByAgent(agent, interaction);
                    return null;
                }));
            }
            case "conference":
            case "transfer": {
                String interaction = Fields.id(command, "interaction");
                JID target = Fields.jid(command, "target");
                Handover.Kind kind = kind(command);
                if (kind == null) {
                    return refuse(iq, PacketError.Condition.bad_request, "transfer needs the attribute 'mode': warm or cold");
                }
                return core.ask(centre -> {
                    Handover handover = centre.handovers().start(kind, agent, interaction, targets.candidates(target));
                    IQ result = IQ.createResultIQ(iq);
                    Element element = result.setChildElement("handover", Protocol.NS);
                    element.addAttribute("id", handover.id());
                    element.addAttribute("kind", kind.token());
                    element.addAttribute("interaction", interaction);
                    return result;
                }).exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
            }
            default:
                throw new IllegalArgumentException("not an agent command: " + command.getName());
        }
    }

    private static Handover.Kind kind(Element command) {
        if (command.getName().equals("conference")) {
            return Handover.Kind.CONFERENCE;
        }
        String mode = command.attributeValue("mode", "");
        return mode.equals("warm") ? Handover.Kind.WARM_TRANSFER
                : mode.equals("cold") ? Handover.Kind.COLD_TRANSFER : null;
    }

    private static CompletableFuture<IQ> run(IQ iq, java.util.function.Supplier<CompletableFuture<?>> command) {
        return command.get().handle((ignored, failure) -> failure == null ? IQ.createResultIQ(iq)
                : StanzaErrors.reply(iq, StanzaErrors.of(failure)));
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
