package org.chatconsult.sdk;

/**
 * Hears a supervisor's supervisions: the lines of the chat (and of its consultations, if she chose) mirrored into
 * her room, each once and in order; what is said there (her whispers, the agent's answers); and its end.
 *
 * <pre>{@code
 * supervisor.addSupervisionListener(new SupervisionListener() {
 *     public void lineMirrored(Supervision s, MirroredLine line) { chatPane.append(line); }
 *     public void message(Supervision s, String from, String body) { whisperPane.append(from + ": " + body); }
 * });
 * }</pre>
 */
public interface SupervisionListener {
    default void lineMirrored(Supervision supervision, MirroredLine line) {
    }

    /**
     * A line said in her room by {@code from} (a nickname there): her whispers, the agent's answers. A whisper sent
     * with {@link Supervision#whisper} is said by the service for her, as {@code "Sue (whisper): …"}.
     */
    default void message(Supervision supervision, String from, String body) {
    }

    /** The service closed her room: the chat ended, or the supervision was ended for her ({@code reason} says). */
    default void ended(Supervision supervision, String reason) {
    }
}
