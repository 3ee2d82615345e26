package org.chatconsult.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chatconsult.core.Snapshot;
import org.chatconsult.core.TranscriptAccess;

/** One interaction's whole record from the store: its state, its consultations, every line and every event. */
public record TranscriptRecord(Snapshot.InteractionRecord interaction, List<Snapshot.ConsultationRecord> consultations,
        List<Store.Message> messages, List<Store.Event> events) {

    public static Optional<TranscriptRecord> load(Store store, String interactionId) throws StoreException {
        Optional<Snapshot.InteractionRecord> interaction = store.interaction(interactionId);
        if (interaction.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TranscriptRecord(interaction.get(), store.consultations(interactionId),
                store.messages(interactionId), store.events(interactionId)));
    }

    /**
     * The ids of the chat's supervisions, whose rooms' lines (whispers, and the agent's answers) are kept beside
     * the chat's: from the log, where each supervision begins with a {@link InteractionLog#MONITORED} entry.
     */
    public Set<String> supervisions() {
        return events.stream().filter(e -> e.kind().equals(InteractionLog.MONITORED) && e.detail() != null)
                .map(e -> InteractionLog.supervisionOf(e.detail())).collect(Collectors.toSet());
    }

    /**
     * What a reader with this scope may see: a contact sees the lines of its own chat and nothing else, never a
     * consultation's or a supervision's; the chat's agents and consultation members see all but its supervision.
     */
    public TranscriptRecord visibleAs(TranscriptAccess.Scope scope) {
        switch (scope) {
            case EVERYTHING:
                return this;
            case PARTIES: {
                Set<String> supervisions = supervisions();
                return new TranscriptRecord(interaction, consultations, messages.stream()
                        .filter(m -> !supervisions.contains(m.roomId())).toList(), events.stream()
                        .filter(e -> !InteractionLog.isSupervision(e.kind())).toList());
            }
            case CONTACT_ROOM:
                return new TranscriptRecord(interaction, List.of(), messages.stream()
                        .filter(m -> m.roomId().equals(interaction.id())).toList(), List.of());
            default:
                throw new IllegalArgumentException("nothing is visible");
        }
    }
}
