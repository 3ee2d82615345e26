package org.chatconsult.xmpp.handler;

import java.util.concurrent.CompletableFuture;

import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.StanzaErrors;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * The agents' IQ commands in our namespace: {@code <decline offer='…'/>} and {@code <end interaction='…'/>}.
 * Each completes with exactly one reply (RFC 6120 §8.2.3).
 */
public final class AgentCommandHandler {
    public static final java.util.Set<String> COMMANDS = java.util.Set.of("decline", "end");

    private final CoreThread core;

    public AgentCommandHandler(CoreThread core) {
        this.core = core;
    }

    public CompletableFuture<IQ> handle(IQ iq) {
        Element command = iq.getChildElement();
        String agent = iq.getFrom().toBareJID();
        if (iq.getType() != IQ.Type.set) {
            return refuse(iq, PacketError.Condition.bad_request, command.getName() + " is a command: use type set");
        }
        switch (command.getName()) {
            case "decline": {
                String offer = command.attributeValue("offer");
                if (offer == null || offer.isBlank()) {
                    return refuse(iq, PacketError.Condition.bad_request, "decline needs an offer attribute");
                }
                return run(iq, () -> core.ask(centre -> {
                    centre.decline(agent, offer);
                    return null;
                }));
            }
            case "end": {
                String interaction = command.attributeValue("interaction");
                if (interaction == null || interaction.isBlank()) {
                    return refuse(iq, PacketError.Condition.bad_request, "end needs an interaction attribute");
                }
                return run(iq, () -> core.ask(centre -> {
                    centre.endByAgent(agent, interaction);
                    return null;
                }));
            }
            default:
                throw new IllegalArgumentException("not an agent command: " + command.getName());
        }
    }

    private static CompletableFuture<IQ> run(IQ iq, java.util.function.Supplier<CompletableFuture<?>> command) {
        return command.get().handle((ignored, failure) -> failure == null ? IQ.createResultIQ(iq)
                : StanzaErrors.reply(iq, StanzaErrors.of(failure)));
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
