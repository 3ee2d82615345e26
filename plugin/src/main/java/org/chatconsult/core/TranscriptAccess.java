package org.chatconsult.core;

import java.util.List;

/**
 * Who may read what of an interaction's record, live or ended: its owner and the agents who were in it, the
 * members of its consultations and supervisors read everything; the contact reads its own chat, never a
 * consultation; anyone else reads nothing and is told nothing, not even that the interaction exists.
 */
public final class TranscriptAccess {
    public enum Scope {
        NOTHING, CONTACT_ROOM, EVERYTHING
    }

    private TranscriptAccess() {
    }

    public static Scope of(String reader, Snapshot.InteractionRecord interaction,
            List<Snapshot.ConsultationRecord> consultations, Directory directory) {
        if (interaction == null) {
            return Scope.NOTHING;
        }
        boolean agent = reader.equals(interaction.owner()) || interaction.participants().contains(reader)
                || consultations.stream().anyMatch(c -> reader.equals(c.initiator()) || reader.equals(c.target()))
                || directory.isSupervisor(reader);
        if (agent) {
            return Scope.EVERYTHING;
        }
        return reader.equals(ContactCentre.bare(interaction.contact())) ? Scope.CONTACT_ROOM : Scope.NOTHING;
    }
}
