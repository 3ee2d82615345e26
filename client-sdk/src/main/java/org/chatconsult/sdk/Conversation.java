package org.chatconsult.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.chatconsult.sdk.packet.CommandIQ;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;

/**
 * What a chat ({@link Interaction}) and a consultation ({@link Consultation}) share: a room of the service's,
 * known by the service's id, in which this agent talks, and the requests that name it.
 *
 * @param <L> who hears of it
 */
public abstract class Conversation<L> {
    final AgentManager agents;
    final MultiUserChat room;
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final Set<L> listeners = new CopyOnWriteArraySet<>();
    private final String id;

    Conversation(AgentManager agents, String id, MultiUserChat room) {
        this.agents = agents;
        this.id = id;
        this.room = room;
    }

    public String getId() {
        return id;
    }

    /** The room on the server's multi-user chat service. */
    public MultiUserChat getRoom() {
        return room;
    }

    /** What was said in the room since this agent joined, the room's history included; not mirrored lines. */
    public List<Message> getMessages() {
        return new ArrayList<>(messages);
    }

    public void addListener(L listener) {
        listeners.add(listener);
    }

    public void removeListener(L listener) {
        listeners.remove(listener);
    }

    public void send(String text) throws SmackException.NotConnectedException, InterruptedException {
        room.sendMessage(text);
    }

    /**
     * Mark Done, with an optional disposition code and note for the record: a chat ends; of a consultation, this
     * member's part closes.
     */
    public void markDone(String disposition, String note) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        agents.request(markDoneRequest(disposition, note));
    }

    /** The Mark Done request that names this chat or consultation. */
    abstract CommandIQ markDoneRequest(String disposition, String note);
}
