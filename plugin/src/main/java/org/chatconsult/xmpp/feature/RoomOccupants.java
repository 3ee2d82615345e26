package org.chatconsult.xmpp.feature;

import java.util.HashMap;
import java.util.Map;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;

/**
 * Who sits in each room under which nickname, as the MUC service shows the room's owner (real addresses are
 * visible to moderators, XEP-0045 §7.2.4); messages carry only nicknames. Touched on the core thread only.
 */
public final class RoomOccupants implements ContactCentreListener {
    private final Map<String, Map<String, String>> rooms = new HashMap<>();

    public void entered(String interactionId, String nick, String bareAddress) {
        rooms.computeIfAbsent(interactionId, id -> new HashMap<>()).put(nick, bareAddress);
    }

    public void left(String interactionId, String nick) {
        Map<String, String> room = rooms.get(interactionId);
        if (room != null) {
            room.remove(nick);
        }
    }

    /** Forgets who sat in a room, to learn it anew as the service enters it again. */
    public void forget(String roomId) {
        rooms.remove(roomId);
    }

    /** Whether {@code bareAddress} sits in the room now, under any nickname. */
    public boolean isIn(String interactionId, String bareAddress) {
        return rooms.getOrDefault(interactionId, Map.of()).containsValue(bareAddress);
    }

    /** The bare address behind a nickname in a room, or null. */
    public String addressOf(String interactionId, String nick) {
        return rooms.getOrDefault(interactionId, Map.of()).get(nick);
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        rooms.remove(interaction.id());
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        rooms.remove(consultation.id());
    }
}
