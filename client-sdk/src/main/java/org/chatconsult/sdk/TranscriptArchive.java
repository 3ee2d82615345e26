package org.chatconsult.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.xdata.FormField;

/**
 * The stored record of an interaction, live or ended, for those allowed to read it (its agents, the members of
 * its consultations and supervisors; a contact reads only its own chat). Lines come through the standard
 * message archive query (XEP-0313) on the service, paged until complete; the whole record (with consultations
 * and lifecycle events) also comes as an export in JSON or plain text.
 *
 * <pre>{@code
 * TranscriptArchive archive = TranscriptArchive.of(AgentManager.getInstanceFor(connection));
 * for (TranscriptArchive.Line line : archive.lines(interactionId)) { ... }
 * String json = archive.export(interactionId, TranscriptArchive.Format.JSON);
 * }</pre>
 */
public final class TranscriptArchive {
    /** How many lines each archive page asks for. */
    public static final int PAGE = 100;

    public enum Format {
        JSON, TEXT
    }

    /**
     * One archived line: its archive id, when it was said, in which room (null for the contact's chat, else the
     * consultation's id), who said it (their nickname) and what.
     */
    public static final class Line {
        private final String id;
        private final Instant time;
        private final String consultation;
        private final String from;
        private final String text;

        Line(String id, Instant time, String consultation, String from, String text) {
            this.id = id;
            this.time = time;
            this.consultation = consultation;
            this.from = from;
            this.text = text;
        }

        public String getId() {
            return id;
        }

        public Instant getTime() {
            return time;
        }

        /** The consultation the line was said in, or null for the chat with the contact. */
        public String getConsultation() {
            return consultation;
        }

        public String getFrom() {
            return from;
        }

        public String getText() {
            return text;
        }

        @Override
        public String toString() {
            return "[" + time + "] " + (consultation == null ? "" : "(" + consultation + ") ") + from + ": " + text;
        }
    }

    private final AgentManager agents;

    private TranscriptArchive(AgentManager agents) {
        this.agents = agents;
    }

    public static TranscriptArchive of(AgentManager agents) {
        return new TranscriptArchive(agents);
    }

    /** Every line of the interaction you may read, oldest first. */
    public List<Line> lines(String interactionId) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException,
            SmackException.NotLoggedInException, InterruptedException {
        MamManager mam = MamManager.getInstanceFor(agents.xmppConnection(), agents.getService());
        MamManager.MamQuery query = mam.queryArchive(MamManager.MamQueryArgs.builder()
                .withAdditionalFormField(FormField.textSingleBuilder("interaction").setValue(interactionId).build())
                .setResultPageSizeTo(PAGE)
                .build());
        List<Line> lines = new ArrayList<>();
        add(lines, query.getMamResultExtensions());
        while (!query.isComplete()) {
            int before = lines.size();
            query.pageNext(PAGE);
            add(lines, query.getMamResultExtensions());
            if (lines.size() == before) {
                break;
            }
        }
        return Collections.unmodifiableList(lines);
    }

    /** The whole record, consultations and lifecycle events included, as one document. */
    public String export(String interactionId, Format format) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        ResultIQ result = agents.request(Requests.export(agents.getService(), interactionId,
                format.name().toLowerCase()));
        return result.getPayload().getText();
    }

    private static void add(List<Line> lines, List<MamElements.MamResultExtension> results) {
        for (MamElements.MamResultExtension result : results) {
            Forwarded<Message> forwarded = result.getForwarded();
            Message message = forwarded.getForwardedStanza();
            ExtensionElement marker = message.getExtensionElement("consultation", "urn:chatconsult:0");
            String consultation = marker instanceof StandardExtensionElement
                    ? ((StandardExtensionElement) marker).getAttributeValue("id") : null;
            Instant time = forwarded.getDelayInformation() == null ? null
                    : forwarded.getDelayInformation().getStamp().toInstant();
            lines.add(new Line(result.getId(), time,
                    consultation,
                    message.getFrom() == null ? null : message.getFrom().getResourceOrEmpty().toString(),
                    message.getBody()));
        }
    }
}
