package org.chatconsult.xmpp.handler;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Supervision;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.SupervisionRooms;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * A supervisor's IQ requests, in our namespace: {@code supervise} (get: the live chats and her supervisions),
 * {@code monitor}, {@code whisper}, {@code barge} and {@code end-supervision}. Served to anyone: who is a
 * supervisor is the core's question, and everyone else hears what an unknown id hears.
 */
public record SupervisionHandler(Addresses addresses, CoreThread core, SupervisionRooms rooms, InteractionLog log) {

    public CompletableFuture<IQ> list(IQ iq) {
        String supervisor = iq.getFrom().toBareJID();
        return core.ask(centre -> {
            IQ result = IQ.createResultIQ(iq);
            Element list = result.setChildElement(Wire.SUPERVISE, Protocol.NS);
            for (Interaction chat : centre.supervisions().chats(supervisor)) {
                addChat(list, centre, chat);
            }
            for (Supervision supervision : centre.supervisions().of(supervisor)) {
                describe(list.addElement(Wire.SUPERVISION), supervision);
            }
            return result;
        });
    }

    /** Monitor a chat ({@code consultations='true'}: and its consultations); answers once her room is ready. */
    public CompletableFuture<IQ> monitor(IQ iq) {
        Element command = iq.getChildElement();
        String interaction = Fields.id(command, "interaction");
        String consultations = Fields.attribute(command, "consultations", 5);
        boolean withConsultations = "true".equals(consultations) || "1".equals(consultations); // xs:boolean
        return monitor(iq.getFrom().toBareJID(), interaction, withConsultations).thenApply(supervision -> {
            IQ result = IQ.createResultIQ(iq);
            describe(result.setChildElement(Wire.SUPERVISION, Protocol.NS), supervision);
            return result;
        });
    }

    /** Starts (or finds) her supervision of the chat; completes once its room is ready for her to enter. */
    public CompletableFuture<Supervision> monitor(String supervisor, String interaction, boolean withConsultations) {
        return core.ask(centre -> centre.supervisions().monitor(supervisor, interaction, withConsultations))
                .thenCompose(supervision -> rooms.whenReady(supervision.id()).thenApply(ready -> supervision));
    }

    /** {@code <whisper supervision='…'>text</whisper>}: a line to the chat's agent only. */
    public CompletableFuture<IQ> whisper(IQ iq) {
        Element command = iq.getChildElement();
        String id = Fields.id(command, "supervision");
        String text = Fields.text("the whisper", command.getText(), Limits.MAX_BODY);
        if (text == null) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "the whisper needs a text");
        }
        return core.ask(centre -> {
            centre.supervisions().whisper(iq.getFrom().toBareJID(), id, text, false);
            return IQ.createResultIQ(iq);
        });
    }

    public CompletableFuture<IQ> barge(IQ iq) {
        String id = Fields.id(iq.getChildElement(), "supervision");
        return core.ask(centre -> {
            Supervision supervision = centre.supervisions().barge(iq.getFrom().toBareJID(), id);
            IQ result = IQ.createResultIQ(iq);
            describe(result.setChildElement(Wire.SUPERVISION, Protocol.NS), supervision);
            return result;
        });
    }

    public CompletableFuture<IQ> end(IQ iq) {
        String id = Fields.id(iq.getChildElement(), "supervision");
        return core.ask(centre -> {
            centre.supervisions().leave(iq.getFrom().toBareJID(), id);
            return IQ.createResultIQ(iq);
        });
    }

    /**
     * A live chat as a supervisor sees it in the list: its routing point, contact, agent, state, when it started
     * and, once answered, when (so the waiting time and the duration follow).
     */
    private void addChat(Element list, ContactCentre centre, Interaction chat) {
        Element element = list.addElement(Wire.CHAT);
        element.addAttribute("id", chat.id());
        element.addAttribute("routing-point", chat.routingPoint().name());
        element.addAttribute("contact", chat.contactName());
        element.addAttribute("state", chat.state().name().toLowerCase(Locale.ROOT));
        element.addAttribute("started", chat.started().toString());
        if (chat.owner() != null) {
            element.addAttribute("agent", chat.owner());
            element.addAttribute("agent-name", centre.directory().displayName(chat.owner()));
        }
        answered(chat).ifPresent(at -> element.addAttribute("answered", at.toString()));
        element.addAttribute("consultations", String.valueOf(centre.consultations().of(chat.id()).size()));
    }

    /** When the chat's first agent accepted it, from its log (kept through a restart). */
    public Optional<Instant> answered(Interaction chat) {
        return log.answered(chat.id());
    }

    private void describe(Element element, Supervision supervision) {
        element.addAttribute("id", supervision.id());
        element.addAttribute("interaction", supervision.interaction().id());
        element.addAttribute("room", addresses.room(supervision.id()).toBareJID());
        element.addAttribute("mode", supervision.mode());
        element.addAttribute("consultations", String.valueOf(supervision.withConsultations()));
        if (supervision.barged()) {
            element.addAttribute("chat-room", addresses.room(supervision.interaction().id()).toBareJID());
        }
    }
}
