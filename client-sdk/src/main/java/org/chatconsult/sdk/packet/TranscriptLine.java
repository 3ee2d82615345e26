package org.chatconsult.sdk.packet;

import java.time.Instant;

import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * One line of a contact chat: its sequence number in the chat (from 1; 0 when unknown, as in previews), who
 * said it, in which role ({@code contact}, {@code agent}, {@code service}), when, and what.
 *
 * <pre>{@code
 * for (TranscriptLine line : consultation.getTranscript()) {
 *     System.out.println(line.getSeq() + " " + line.getFrom() + ": " + line.getText());
 * }
 * }</pre>
 */
public final class TranscriptLine {
    private final long seq;
    private final Attributes attributes;
    private final String text;

    public TranscriptLine(long seq, String from, String role, Instant time, String text) {
        this.seq = seq;
        this.attributes = new Attributes().with("from", from).with("role", role).with("time", time);
        this.text = text;
    }

    public long getSeq() {
        return seq;
    }

    public String getFrom() {
        return attributes.get("from");
    }

    public String getRole() {
        return attributes.get("role");
    }

    public Instant getTime() {
        return attributes.get("time");
    }

    public String getText() {
        return text;
    }

    void appendTo(XmlStringBuilder xml) {
        xml.halfOpenElement("line").optAttribute("seq", seq > 0 ? String.valueOf(seq) : null);
        attributes.appendTo(xml);
        xml.rightAngleBracket();
        xml.escape(text);
        xml.closeElement("line");
    }

    @Override
    public String toString() {
        return "[" + seq + "] " + getFrom() + " (" + getRole() + "): " + text;
    }
}
