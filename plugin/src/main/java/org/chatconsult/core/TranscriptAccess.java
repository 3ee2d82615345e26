package org.chatconsult.core;

import java.util.List;

/**
 * Who may read what of an interaction's record, live or ended: supervisors read everything; its owner, the
 * agents who were in it and the members of its consultations read all but its supervision (monitoring is silent
 * unless the settings say otherwise, so its record is the supervisors'); the contact reads its own chat, never a
 * consultation; anyone else reads nothing and is told nothing, not even that the interaction exists.
 */
public final class TranscriptAccess {
    public enum Scope {
        NOTHING, CONTACT_ROOM, PARTIES, EVERYTHING
    }

    private TranscriptAccess() {
    }

    public static Scope of(String reader, Snapshot.InteractionRecord interaction,
            List<Snapshot.ConsultationRecord> consultations, Directory directory) {
        if (interaction == null) {
            return Scope.NOTHING;
        }
        if (directory.isSupervisor(reader)) {
            return Scope.EVERYTHING;
        }
        boolean party = reader.equals(interaction.owner()) || interaction.participants().contains(reader)
                || consultations.stream().anyMatch(c -> reader.equals(c.initiator()) || reader.equals(c.target()));
        if (party) {
            return Scope.PARTIES;
        }
        return reader.equals(ContactCentre.bare(interaction.contact())) ? Scope.CONTACT_ROOM : Scope.NOTHING;
    }
}
