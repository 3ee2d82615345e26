package org.chatconsult.sdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A supervisor watching one live chat from her own room, which the service mirrors the chat into (and its
 * consultations, if she chose): unseen by the contact. From there she whispers to the chat's agent, barges into
 * the chat, and leaves.
 *
 * <pre>{@code
 * Supervision watching = supervisor.monitor(chat.getId(), false, "Sue");
 * watching.whisper("Offer the voucher");
 * MultiUserChat chatRoom = watching.bargeIn();
 * chatRoom.sendMessage("I am Sue, I can help");
 * watching.leave();
 * }</pre>
 *
 * The service mirrors the chat so far into her room when she first enters it, then every new line; entering again
 * she gets the room's history, which the server may cut short: the whole record is {@link TranscriptArchive#lines}.
 */
public final class Supervision {
    private final AgentManager agents;
    private final MultiUserChat room;
    private final Resourcepart nickname;
    private final Set<SupervisionListener> listeners;
    /** Per room a line was said in ("" for the chat), the last sequence number delivered. */
    private final Map<String, Long> delivered = new HashMap<>();
    private volatile SupervisionInfo info;
    private volatile MultiUserChat chatRoom;

    Supervision(AgentManager agents, SupervisionInfo info, Resourcepart nickname, Set<SupervisionListener> listeners) {
        this.agents = agents;
        this.info = info;
        this.nickname = nickname;
        this.listeners = listeners;
        this.room = agents.room(info.getRoom());
        room.addMessageListener(this::onMessage);
        room.addUserStatusListener(new UserStatusListener() {
            @Override
            public void roomDestroyed(MultiUserChat alternate, String reason) {
                listeners.forEach(l -> l.ended(Supervision.this, reason));
            }
        });
    }

    public String getId() {
        return info.getId();
    }

    /** The service's last word on it: which chat, her room, and whether she barged in. */
    public SupervisionInfo getInfo() {
        return info;
    }

    /** Her room, where the chat is mirrored and she whispers to the agent. */
    public MultiUserChat getRoom() {
        return room;
    }

    /** The chat's own room, once she barged in; null before. */
    public MultiUserChat getChatRoom() {
        return chatRoom;
    }

    /** A line for the chat's agent only; the agent is told, and reads it in her room. */
    public void whisper(String text) throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        agents.request(Requests.whisper(agents.getService(), getId(), text));
    }

    /**
     * Joins the chat itself, under the nickname she monitors with: the contact and the agent are told, and what
     * she says in the returned room reaches the contact.
     */
    public MultiUserChat bargeIn() throws XMPPException, SmackException, InterruptedException {
        ResultIQ result = agents.request(Requests.barge(agents.getService(), getId()));
        info = SupervisionInfo.from(result.getPayload());
        MultiUserChat chat = agents.room(info.getChatRoom());
        chat.join(nickname);
        chatRoom = chat;
        return chat;
    }

    /** Stops watching: she leaves her room and, if she barged in, the chat; the chat goes on with its agent. */
    public void leave() throws XMPPException, SmackException, InterruptedException {
        for (MultiUserChat joined : new MultiUserChat[] {chatRoom, room}) {
            if (joined != null && joined.isJoined()) {
                joined.leave();
            }
        }
        agents.request(Requests.endSupervision(agents.getService(), getId()));
    }

    void join() throws XMPPException, SmackException, InterruptedException {
        room.join(nickname);
    }

    private void onMessage(Message message) {
        MirroredExtension mirrored = MirroredExtension.from(message);
        if (mirrored != null && message.getBody() != null) {
            if (isNew(mirrored)) {
                MirroredLine line = new MirroredLine(mirrored.getConsultation(), mirrored.toLine(message.getBody()));
                listeners.forEach(l -> l.lineMirrored(this, line));
            }
        } else if (mirrored == null && message.getBody() != null && message.getFrom().hasResource()) {
            String from = message.getFrom().getResourceOrThrow().toString();
            listeners.forEach(l -> l.message(this, from, message.getBody()));
        }
    }

    /** Whether the line comes after those delivered from its room: a rejoin's history says them again. */
    private synchronized boolean isNew(MirroredExtension line) {
        String said = line.getConsultation() == null ? "" : line.getConsultation();
        if (line.getSeq() <= delivered.getOrDefault(said, 0L)) {
            return false;
        }
        delivered.put(said, line.getSeq());
        return true;
    }
}
