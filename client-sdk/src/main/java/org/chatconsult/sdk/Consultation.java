package org.chatconsult.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.chatconsult.protocol.Wire;
import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.ContextExtension;
import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.NoticeExtension;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A chat consultation (Genesys Workspace's consultation shown below the contact chat): the contact chat's transcript,
 * mirrored complete and in order, the private conversation between initiator and target, and what either can
 * do with it.
 *
 * <pre>{@code
 * Consultation consultation = chat.consult(target);            // initiator; or agents.accept(request, "Bob")
 * consultation.getTranscript().forEach(System.out::println);     // the contact chat so far
 * consultation.send("Can we refund after 30 days?");
 * consultation.call();                                           // XEP-0353 proposal to the other member
 * consultation.markDone("resolved", null);
 * }</pre>
 */
public final class Consultation extends Conversation<ConsultationListener> {
    private final String interactionId;
    private final Interaction interaction;
    private final TreeMap<Long, TranscriptLine> pending = new TreeMap<>();
    private final List<TranscriptLine> transcript = new ArrayList<>();
    private volatile String target;
    private volatile String endReason;

    Consultation(AgentManager agents, String id, String interactionId, MultiUserChat room, Interaction interaction) {
        super(agents, id, room);
        this.interactionId = interactionId;
        this.interaction = interaction;
        room.addMessageListener(this::onMessage);
    }

    public String getInteractionId() {
        return interactionId;
    }

    /** The contact chat, on the initiator's side; null on the target's, who is not in it. */
    public Interaction getInteraction() {
        return interaction;
    }

    /** The agent who accepted, once known. */
    public String getTarget() {
        return target;
    }

    public boolean isEnded() {
        return endReason != null;
    }

    /** The protocol's reason it ended ({@code declined}, {@code ended-by-target}, …), or null while it runs. */
    public String getEndReason() {
        return endReason;
    }

    /** The contact chat's lines received so far: from line 1, without gaps or duplicates. */
    public List<TranscriptLine> getTranscript() {
        synchronized (pending) {
            return new ArrayList<>(transcript);
        }
    }

    /** Ends the consultation for both members; the room is destroyed. */
    public void end() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        agents.request(Requests.endConsultation(agents.getService(), getId()));
    }

    /** Sends the other member a 1:1 message about this consultation; returns their address. */
    public Jid im(String text) throws XMPPException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        Jid party = otherParty(Requests.im(agents.getService(), getId()));
        agents.xmppConnection().sendStanza(StanzaBuilder.buildMessage().to(party).ofType(Message.Type.chat)
                .setBody(text).addExtension(new ContextExtension(interactionId, getId())).build());
        return party;
    }

    /** Calls the other member: a XEP-0353 proposal to their session. */
    public CallManager.Call call() throws XMPPException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        return CallManager.getInstanceFor(agents.xmppConnection()).propose(otherParty(Requests.call(agents.getService(), getId())), "audio");
    }

    private Jid otherParty(CommandIQ request) throws XMPPException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        ResultIQ result = agents.request(request);
        StandardExtensionElement party = result.getPayload();
        try {
            return JidCreate.from(party.getAttributeValue("jid"));
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw new IllegalStateException("the service named an invalid address: " + party.getAttributeValue("jid"), e);
        }
    }

    /**
     * Asks the service for the lines after the last one received: how a gap left by a reconnect (or a room's
     * short history) is filled.
     */
    public void refreshTranscript() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        long after;
        synchronized (pending) {
            after = transcript.size();
        }
        ResultIQ result = agents.request(Requests.transcript(agents.getService(), getId(), after));
        for (TranscriptLine line : transcriptLines(result)) {
            addLine(line);
        }
    }

    /** The lines of the service's answer to {@code <transcript/>}, in order. */
    static List<TranscriptLine> transcriptLines(ResultIQ result) {
        List<TranscriptLine> lines = new ArrayList<>();
        for (var element : result.getItems("line")) {
            lines.add(new TranscriptLine(Long.parseLong(element.getAttributeValue("seq")),
                    element.getAttributeValue("from"), element.getAttributeValue("role"),
                    java.time.Instant.parse(element.getAttributeValue("time")), element.getText()));
        }
        return lines;
    }

    private void onMessage(Message message) {
        MirroredExtension mirrored = MirroredExtension.from(message);
        if (mirrored != null && message.getBody() != null) {
            if (addLine(mirrored.toLine(message.getBody()))) {
                agents.inBackground(this::refreshQuietly);
            }
        } else if (message.getBody() != null && message.getExtension(MirroredExtension.class) == null) {
            messages.add(message);
            listeners.forEach(l -> l.messageReceived(this, message));
        }
    }

    /** Files a line; delivers every line that is now next in order. True when a gap is waiting to be filled. */
    private boolean addLine(TranscriptLine line) {
        List<TranscriptLine> ready = new ArrayList<>();
        boolean gap;
        synchronized (pending) {
            if (line.getSeq() > transcript.size()) {
                pending.putIfAbsent(line.getSeq(), line);
            }
            while (pending.containsKey((long) transcript.size() + 1)) {
                TranscriptLine next = pending.remove((long) transcript.size() + 1);
                transcript.add(next);
                ready.add(next);
            }
            gap = !pending.isEmpty();
        }
        for (TranscriptLine next : ready) {
            listeners.forEach(l -> l.lineMirrored(this, next));
        }
        return gap;
    }

    private void refreshQuietly() {
        try {
            refreshTranscript();
        } catch (Exception e) {
            // The next line or reconnect tries again.
        }
    }

    void onNotice(NoticeExtension notice) {
        if (notice.getElementName().equals(Wire.CONSULTATION_ACCEPTED)) {
            target = notice.getTarget();
            listeners.forEach(l -> l.accepted(this, target));
        } else if (notice.getElementName().equals(Wire.CONSULTATION_ENDED)) {
            endReason = notice.getReason();
            listeners.forEach(l -> l.ended(this, endReason));
        }
    }

    void targetIs(String agent) {
        this.target = agent;
    }

    @Override
    CommandIQ markDoneRequest(String disposition, String note) {
        return Requests.doneConsultation(agents.getService(), getId(), disposition, note);
    }
}
