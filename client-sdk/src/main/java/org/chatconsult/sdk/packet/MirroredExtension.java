package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.Message;

/**
 * Marks a room message as a line mirrored by the service: in a consultation's room, a line of the contact chat;
 * in a supervision's room, a line of the chat or (naming it) of one of its consultations. It carries the line's
 * sequence number in the room it was said in, original sender, role and time; the message body carries the same
 * line as readable text.
 *
 * <pre>{@code
 * MirroredExtension mirrored = MirroredExtension.from(message);
 * if (mirrored != null) { transcript.add(mirrored.toLine(text)); }
 * }</pre>
 */
public final class MirroredExtension extends AttributeElement {
    public static final String ELEMENT = Wire.MIRRORED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public MirroredExtension(String consultation, String supervision, String interaction, long seq, String from,
            String role, Instant time) {
        super(ELEMENT, new Attributes().with("consultation", consultation).with("supervision", supervision)
                .with("interaction", interaction).with("seq", seq).with("from", from).with("role", role)
                .with("time", time));
    }

    public static MirroredExtension from(Message message) {
        return message.getExtension(MirroredExtension.class);
    }

    /**
     * In a consultation's room, that consultation; in a supervision's room, the consultation the line was said in,
     * or null for a line of the chat itself.
     */
    public String getConsultation() {
        return attribute("consultation");
    }

    /** The supervision whose room the line was mirrored into, or null in a consultation's room. */
    public String getSupervision() {
        return attribute("supervision");
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
