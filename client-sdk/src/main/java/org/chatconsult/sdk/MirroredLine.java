package org.chatconsult.sdk;

import org.chatconsult.sdk.packet.TranscriptLine;

/**
 * A line mirrored into a supervisor's room: a line of the chat, or of one of its consultations. Each numbers its
 * own lines from 1, so a line is known by where it was said and its sequence number.
 */
public final class MirroredLine {
    private final String consultation;
    private final TranscriptLine line;

    MirroredLine(String consultation, TranscriptLine line) {
        this.consultation = consultation;
        this.line = line;
    }

    /** The consultation it was said in, or null for a line of the chat with the contact. */
    public String getConsultation() {
        return consultation;
    }

    public TranscriptLine getLine() {
        return line;
    }

    @Override
    public String toString() {
        return (consultation == null ? "" : "(" + consultation + ") ") + line;
    }
}
