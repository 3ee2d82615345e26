package org.chatconsult.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chatconsult.protocol.EndReason;
import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * A contact chat this agent is in (Genesys Workspace's Chat Interaction window): its messages and participants, and
 * what the agent can do with it.
 *
 * <pre>{@code
 * Interaction chat = agents.accept(offer, "Alice");
 * chat.send("Hello, how can I help?");
 * Consultation consultation = chat.consult(bob.getJid());   // a Team Communicator result
 * ...
 * chat.markDone("resolved", "refund issued");
 * }</pre>
 */
public final class Interaction extends Conversation<InteractionListener> {
    private final List<Consultation> consultations = new CopyOnWriteArrayList<>();
    private volatile String endReason;
    private volatile EndReason endCode;

    Interaction(AgentManager agents, String id, MultiUserChat room) {
        super(agents, id, room);
        room.addMessageListener(message -> {
            if (message.getBody() != null) {
                messages.add(message);
                listeners.forEach(l -> l.messageReceived(this, message));
            }
        });
        room.addUserStatusListener(new UserStatusListener() {
            @Override
            public void roomDestroyed(MultiUserChat alternate, String reason) {
                endCode = EndReason.ofText(reason);
                left(reason == null ? "ended" : reason);
            }

            @Override
            public void membershipRevoked() {
                left("removed from the chat"); // a cold transfer handed it on (XEP-0045 §9.4, status 321)
            }
        });
    }

    private void left(String reason) {
        endReason = reason;
        agents.forget(this);
        listeners.forEach(l -> l.ended(this, reason));
    }

    /** Who is in the chat now, by room address. */
    public List<EntityFullJid> getParticipants() {
        return room.getOccupants();
    }

    /** The consultations this agent started from the chat. */
    public List<Consultation> getConsultations() {
        return new ArrayList<>(consultations);
    }

    public boolean isEnded() {
        return endReason != null;
    }

    /** Why the chat ended, once it has; null while it runs, or when this agent was handed off it. */
    public EndReason getEndReason() {
        return endCode;
    }

    /** Ends the chat for everyone: the contact is told, the room destroyed. */
    public void end() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        agents.request(Requests.end(agents.getService(), getId()));
    }

    /**
     * Starts a consultation about this chat with {@code target}: an agent, a routing point or an agent group
     * (any Team Communicator result). Returns once its room is entered; the target's answer comes to the
     * consultation's listeners.
     */
    public Consultation consult(Jid target) throws XMPPException, SmackException, InterruptedException {
        ResultIQ result = agents.request(Requests.consult(agents.getService(), getId(), target));
        Consultation consultation = agents.enterConsultation(result.getPayload().getAttributeValue("id"), getId(),
                result.getPayload().getAttributeValue("room"), this);
        consultations.add(consultation);
        return consultation;
    }

    /** Invites {@code target} into the chat itself; the contact sees them join. Returns the request's id. */
    public String conference(Jid target) throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        ResultIQ result = agents.request(Requests.conference(agents.getService(), getId(), target));
        return result.getPayload().getAttributeValue("id");
    }

    /**
     * Hands the chat to {@code target}. Warm: they join and take over, and this agent leaves when ready. Cold:
     * they take over on accepting, and this agent is taken out of the room.
     */
    public String transfer(Jid target, boolean warm) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        ResultIQ result = agents.request(Requests.transfer(agents.getService(), getId(), target, warm));
        return result.getPayload().getAttributeValue("id");
    }

    @Override
    CommandIQ markDoneRequest(String disposition, String note) {
        return Requests.doneChat(agents.getService(), getId(), disposition, note);
    }
}
