package org.chatconsult.sdk;

import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.packet.Message;

/**
 * Hears a consultation: lines of the contact chat mirrored into it (each once, in order), what its members say,
 * the target's acceptance, and its end.
 *
 * <pre>{@code
 * consultation.addListener(new ConsultationListener() {
 *     public void lineMirrored(Consultation c, TranscriptLine line) { transcriptPane.append(line); }
 *     public void messageReceived(Consultation c, Message message) { consultPane.append(message.getBody()); }
 * });
 * }</pre>
 */
public interface ConsultationListener {
    default void lineMirrored(Consultation consultation, TranscriptLine line) {
    }

    default void messageReceived(Consultation consultation, Message message) {
    }

    /** The target accepted (heard by the initiator). */
    default void accepted(Consultation consultation, String target) {
    }

    /** Released or ended; {@code reason} is the protocol's token, e.g. {@code declined} or {@code ended-by-target}. */
    default void ended(Consultation consultation, String reason) {
    }
}
