package org.chatconsult.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chatconsult.core.Snapshot;

/**
 * Where transcripts and lifecycle records live. Calls block on I/O: only the {@link Journal}'s thread makes
 * them, never the thread that routes stanzas.
 */
public interface Store extends AutoCloseable {
    /** One line said in a room: the contact room ({@code roomId} = interaction id) or a consultation room. */
    record Message(String interactionId, String roomId, long seq, Instant time, String sender, String role,
            String body, String stanzaId) {
    }

    /** One lifecycle event of an interaction or of one of its consultations, numbered within the interaction. */
    record Event(String interactionId, long seq, Instant time, String kind, String actor, String detail) {
    }

    /** What was live when the service stopped. */
    record Live(List<Snapshot.AgentRecord> agents, List<Snapshot.InteractionRecord> interactions,
            List<Snapshot.ConsultationRecord> consultations) {
    }

    /**
     * What ended recently, oldest first: enough for a restarted service to answer a repeated end or done with
     * conflict, and to take a Mark Done of a consultation that ended before it stopped. {@code doneBy} holds, per
     * consultation, the members who marked it done; {@code lastEvents}, per interaction, its last event's number.
     */
    record Ended(List<Snapshot.InteractionRecord> interactions, List<Snapshot.ConsultationRecord> consultations,
            Map<String, Set<String>> doneBy, Map<String, Long> lastEvents) {
    }

    /** Writes everything in the batch in one transaction, or nothing. */
    void write(Batch batch) throws StoreException;

    Live live() throws StoreException;

    /** The newest {@code limit} interactions, and as many consultations, that ended at {@code since} or later. */
    Ended endedSince(Instant since, int limit) throws StoreException;

    Optional<Snapshot.InteractionRecord> interaction(String id) throws StoreException;

    List<Snapshot.ConsultationRecord> consultations(String interactionId) throws StoreException;

    /** Every line of the interaction's contact room and of its consultation rooms, oldest first. */
    List<Message> messages(String interactionId) throws StoreException;

    List<Event> events(String interactionId) throws StoreException;

    /** Deletes interactions that ended before {@code cutoff}, with their consultations, lines and events. */
    int purgeEndedBefore(Instant cutoff) throws StoreException;

    @Override
    void close();
}
