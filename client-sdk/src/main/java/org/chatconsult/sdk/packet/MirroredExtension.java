package org.chatconsult.sdk.packet;

import java.time.Instant;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * Marks a consultation room message as a line of the contact chat, mirrored by the service: its sequence
 * number, original sender, role and time. The message body carries the same line as readable text.
 *
 * <pre>{@code
 * MirroredExtension mirrored = MirroredExtension.from(message);
 * if (mirrored != null) { transcript.add(mirrored.toLine(text)); }
 * }</pre>
 */
public final class MirroredExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.MIRRORED;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String consultation;
    private final String interaction;
    private final long seq;
    private final String from;
    private final String role;
    private final Instant time;

    public MirroredExtension(String consultation, String interaction, long seq, String from, String role, Instant time) {
        this.consultation = consultation;
        this.interaction = interaction;
        this.seq = seq;
        this.from = from;
        this.role = role;
        this.time = time;
    }

    public static MirroredExtension from(Message message) {
        return message.getExtension(MirroredExtension.class);
    }

    public String getConsultation() {
        return consultation;
    }

    public String getInteraction() {
        return interaction;
    }

    public long getSeq() {
        return seq;
    }

    public String getFrom() {
        return from;
    }

    public String getRole() {
        return role;
    }

    public Instant getTime() {
        return time;
    }

    /**
     * The line itself. The body reads {@code [hh:mm:ss] from (role): text}; the text is what follows the
     * first {@code "): "}.
     */
    public TranscriptLine toLine(String body) {
        String marker = "(" + role + "): ";
        int at = body.indexOf(marker);
        return new TranscriptLine(seq, from, role, time, at < 0 ? body : body.substring(at + marker.length()));
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("consultation", consultation)
                .attribute("interaction", interaction).attribute("seq", String.valueOf(seq)).attribute("from", from)
                .attribute("role", role).optAttribute("time", time == null ? null : time.toString())
                .closeEmptyElement();
    }
}
