package org.chatconsult.xmpp.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Protocol;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Typing notifications (XEP-0085) across the bridge: a bridged contact's chat states are said in the room by her
 * voice, as groupchat chat states (XEP-0085 §5.5), and an agent's chat states in the room reach her 1:1 from the
 * routing point. They are never recorded nor mirrored. A state repeating the last one its sender sent is dropped
 * (XEP-0085 §5.1 asks senders not to repeat a state; this bounds what a chatty client costs the others). Touched
 * on the core thread only.
 */
public final class ChatStates implements ContactCentreListener {
    /**
     * The states relayed. {@code <gone/>} is not: from the contact it ends the chat ({@code ContactHandler}), and
     * the service itself tells her when an agent leaves or the chat ends.
     */
    private static final List<String> RELAYED = List.of("active", "composing", "paused", "inactive");
    /** Who the contact is among a chat's senders: nicknames in a room are never empty. */
    public static final String CONTACT = "";

    private final Addresses addresses;
    private final ContactBridge bridge;
    private final Consumer<Packet> out;
    /** The last state each sender of a live chat sent, by chat, then by sender (an agent's nick, or CONTACT). */
    private final Map<String, Map<String, String>> last = new HashMap<>();

    public ChatStates(Addresses addresses, ContactBridge bridge, Consumer<Packet> out) {
        this.addresses = addresses;
        this.bridge = bridge;
        this.out = out;
    }

    /** The chat state of a standalone notification (one without a body, XEP-0085 §5.3), or null. */
    public static String of(Message message) {
        if (message.getBody() != null) {
            return null;
        }
        for (String state : RELAYED) {
            if (message.getChildElement(state, Protocol.NS_CHATSTATES) != null) {
                return state;
            }
        }
        return null;
    }

    /** The bridged contact's chat state: her voice says it in the room. */
    public void fromContact(Interaction chat, String state) {
        if (!bridge.isBridged(chat.id()) || repeats(chat.id(), CONTACT, state)) {
            return;
        }
        Message message = notification(state);
        message.setType(Message.Type.groupchat);
        message.setFrom(addresses.bridgeOccupant(chat.id()));
        message.setTo(addresses.room(chat.id()));
        out.accept(message);
    }

    /** An agent's chat state in the room, by the agent's nickname there: relayed to a bridged contact. */
    public void fromAgent(Interaction chat, String nick, String state) {
        JID contact = bridge.bridgedContact(chat.id());
        if (contact == null || repeats(chat.id(), nick, state)) {
            return;
        }
        Message message = notification(state);
        message.setType(Message.Type.chat);
        message.setFrom(addresses.routingPoint(chat.routingPoint().name()));
        message.setTo(contact);
        out.accept(message);
    }

    /** The sender said a line: a message with content makes it active (XEP-0085 §5.1), so its next state is news. */
    public void said(String interactionId, String sender) {
        last.computeIfAbsent(interactionId, id -> new HashMap<>()).put(sender, "active");
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        last.remove(interaction.id());
    }

    private boolean repeats(String interactionId, String sender, String state) {
        return state.equals(last.computeIfAbsent(interactionId, id -> new HashMap<>()).put(sender, state));
    }

    private static Message notification(String state) {
        Message message = new Message();
        message.addChildElement(state, Protocol.NS_CHATSTATES);
        return message;
    }
}
