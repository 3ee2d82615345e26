package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.Message;

/**
 * Marks a consultation room message as a line of the contact chat, mirrored by the service: its sequence
 * number, original sender, role and time. The message body carries the same line as readable text.
 *
 * <pre>{@code
 * MirroredExtension mirrored = MirroredExtension.from(message);
 * if (mirrored != null) { transcript.add(mirrored.toLine(text)); }
 * }</pre>
 */
public final class MirroredExtension extends AttributeElement {
    public static final String ELEMENT = Wire.MIRRORED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public MirroredExtension(String consultation, String interaction, long seq, String from, String role, Instant time) {
        super(ELEMENT, new Attributes().with("consultation", consultation).with("interaction", interaction)
                .with("seq", seq).with("from", from).with("role", role).with("time", time));
    }

    public static MirroredExtension from(Message message) {
        return message.getExtension(MirroredExtension.class);
    }

    public String getConsultation() {
        return attribute("consultation");
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public long getSeq() {
        return attribute("seq");
    }

    public String getFrom() {
        return attribute("from");
    }

    public String getRole() {
        return attribute("role");
    }

    public Instant getTime() {
        return attribute("time");
    }

    /**
     * The line itself. The body reads {@code [hh:mm:ss] from (role): text}; the text is what follows the
     * first {@code "): "}.
     */
    public TranscriptLine toLine(String body) {
        String marker = "(" + getRole() + "): ";
        int at = body.indexOf(marker);
        return new TranscriptLine(getSeq(), getFrom(), getRole(), getTime(),
                at < 0 ? body : body.substring(at + marker.length()));
    }
}
