package org.chatconsult.xmpp.handler;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.CoreException;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.Columns;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.ChatStates;
import org.chatconsult.xmpp.feature.ContactBridge;
import org.chatconsult.xmpp.feature.EndWord;
import org.chatconsult.xmpp.feature.ResumeTokens;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Messages a contact sends to a routing point: the first opens a chat, later ones go to its room (through the
 * bridge), other XEP-0085 chat states go to its room ({@link ChatStates}), and the end word ({@link EndWord}) or a
 * {@code <gone/>} chat state finishes it; a resume token moves her live chat to the sender's address.
 */
public final class ContactHandler {
    private final CoreThread core;
    private final ContactBridge bridge;
    private final ChatStates chatStates;
    private final ResumeTokens tokens;
    private final Consumer<Packet> out;
    /** Sends once what the core changed before is in the store: a receipt must not announce a line a restart loses. */
    private final Consumer<Packet> outWhenStored;

    public ContactHandler(CoreThread core, ContactBridge bridge, ChatStates chatStates, ResumeTokens tokens,
            Consumer<Packet> out, Consumer<Packet> outWhenStored) {
        this.core = core;
        this.bridge = bridge;
        this.chatStates = chatStates;
        this.tokens = tokens;
        this.out = out;
        this.outWhenStored = outWhenStored;
    }

    public void handle(Message message) {
        JID contact = message.getFrom();
        String routingPoint = message.getTo().getNode();
        Message.Type type = message.getType();
        if (type == Message.Type.error) {
            // Our message to the contact bounced: a bridged contact has gone, unless she comes back.
            core.submit(centre -> centre.chatOf(contact.toString(), routingPoint)
                    .ifPresent(chat -> bridge.wentAway(chat.id(), contact)));
            return;
        }
        if (type == Message.Type.groupchat || type == Message.Type.headline) {
            out.accept(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.bad_request,
                    "write to a routing point with a chat or normal message")));
            return;
        }
        Element resume = message.getChildElement(Wire.RESUME, Protocol.NS);
        if (resume != null) {
            resume(message, resume, routingPoint);
            return;
        }
        String body = message.getBody();
        if (body != null && body.length() > Limits.MAX_BODY) {
            // Refused, not cut: the contact's client shows the line as undelivered.
            out.accept(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.not_acceptable,
                    "messages are limited to " + Limits.MAX_BODY + " characters")));
            return;
        }
        if (message.getChildElement("gone", Protocol.NS_CHATSTATES) != null
                || EndWord.matches(body)) {
            endChat(contact, routingPoint);
            return;
        }
        if (body == null || body.isBlank()) {
            String state = ChatStates.of(message);
            if (state != null) {
                core.submit(centre -> centre.chatOf(contact.toString(), routingPoint)
                        .ifPresent(chat -> chatStates.fromContact(chat, state)));
            }
            return; // receipts and the like carry nothing to relay
        }
        if (contact.toString().length() > Columns.CONTACT) {
            out.accept(StanzaErrors.reply(message, StanzaErrors.error(PacketError.Condition.not_acceptable,
                    "addresses longer than " + Columns.CONTACT + " characters cannot chat here")));
            return;
        }
        core.ask(centre -> {
            Interaction live = centre.chatOf(contact.toString(), routingPoint).orElse(null);
            if (live != null) {
                bridge.fromContact(live, body);
                chatStates.said(live.id(), ChatStates.CONTACT);
            } else {
                centre.startChat(routingPoint, contact.toString(), nameOf(contact, message), body);
            }
            return null;
        }).thenRun(() -> {
            Message receipt = receiptFor(message);
            if (receipt != null) {
                outWhenStored.accept(receipt);
            }
        }).exceptionally(failure -> {
            out.accept(StanzaErrors.reply(message, StanzaErrors.of(failure)));
            return null;
        });
    }

    /**
     * The receipt for a line taken into its chat (XEP-0184 §5), from the routing point, or null when none was asked
     * for: a request needs the message's id (§5.1), and an id past our bound for ids gets none rather than a
     * receipt that would repeat it. A refused line gets its error and no receipt.
     */
    private static Message receiptFor(Message line) {
        String id = line.getID();
        if (line.getChildElement("request", Protocol.NS_RECEIPTS) == null || id == null || id.isEmpty()
                || id.length() > Limits.MAX_ID) {
            return null;
        }
        Message receipt = new Message();
        receipt.setFrom(new JID(line.getTo().toBareJID()));
        receipt.setTo(line.getFrom());
        receipt.addChildElement("received", Protocol.NS_RECEIPTS).addAttribute("id", id);
        return receipt;
    }

    /**
     * A contact takes her live chat at this routing point up again from the sender's address, proving it with the
     * chat's token (from its welcome): the chat is hers here from now on. Only a chat by message can move; an
     * unknown token, one of an ended chat or of another routing point's, are the same item-not-found. A body in
     * the same message is not taken as a line.
     */
    private void resume(Message message, Element resume, String routingPoint) {
        String contact = message.getFrom().toString();
        CompletableFuture<Void> resumed;
        try {
            String token = Fields.id(resume, "token");
            resumed = core.ask(centre -> {
                Interaction chat = tokens.interactionOf(token).flatMap(centre::interaction)
                        .filter(live -> live.routingPoint().name().equals(routingPoint))
                        .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                                "the attribute 'token' names no live chat here"));
                if (!bridge.isBridged(chat.id())) {
                    throw new CoreException(CoreException.Kind.NOT_ALLOWED,
                            "only a chat by message resumes; rejoin the chat's room instead");
                }
                centre.relink(chat.id(), contact);
                return null;
            });
        } catch (CoreException refused) {
            resumed = CompletableFuture.failedFuture(refused);
        }
        resumed.exceptionally(failure -> {
            out.accept(StanzaErrors.reply(message, StanzaErrors.of(failure)));
            return null;
        });
    }

    private void endChat(JID contact, String routingPoint) {
        core.submit(centre -> centre.chatOf(contact.toString(), routingPoint)
                .ifPresent(chat -> centre.end(chat.id(), EndReason.CONTACT_LEFT)));
    }

    /**
     * What the chat calls her: the nickname her client sends with a first message to a stranger (XEP-0172 §4.2),
     * else her address's local part.
     */
    private static String nameOf(JID contact, Message message) {
        Element nick = message.getChildElement("nick", Protocol.NS_NICK);
        String given = nick == null ? "" : nick.getTextTrim().replaceAll("\\p{Cntrl}", "");
        String name = !given.isEmpty() ? given : contact.getNode() != null ? contact.getNode() : contact.getDomain();
        return Columns.fit(name, Columns.NAME);
    }
}
