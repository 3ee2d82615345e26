package org.chatconsult.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.Snapshot;

/**
 * Changes written together: the newest snapshot of each agent, interaction and consultation (older ones in the
 * same batch are superseded), and every message and event in order.
 */
public final class Batch {
    final Map<String, Snapshot.AgentRecord> agents = new LinkedHashMap<>();
    final Map<String, Snapshot.InteractionRecord> interactions = new LinkedHashMap<>();
    final Map<String, Snapshot.ConsultationRecord> consultations = new LinkedHashMap<>();
    final List<Store.Message> messages = new ArrayList<>();
    final List<Store.Event> events = new ArrayList<>();

    public Batch add(Object change) {
        if (change instanceof Snapshot.AgentRecord agent) {
            agents.put(agent.address(), agent);
        } else if (change instanceof Snapshot.InteractionRecord interaction) {
            interactions.put(interaction.id(), interaction);
        } else if (change instanceof Snapshot.ConsultationRecord consultation) {
            consultations.put(consultation.id(), consultation);
        } else if (change instanceof Store.Message message) {
            messages.add(message);
        } else if (change instanceof Store.Event event) {
            events.add(event);
        } else {
            throw new IllegalArgumentException("not a stored change: " + change);
        }
        return this;
    }

    /** Every change the batch holds, snapshots first, then messages and events in order. */
    public List<Object> changes() {
        List<Object> all = new ArrayList<>(agents.values());
        all.addAll(interactions.values());
        all.addAll(consultations.values());
        all.addAll(messages);
        all.addAll(events);
        return all;
    }

    public boolean isEmpty() {
        return agents.isEmpty() && interactions.isEmpty() && consultations.isEmpty() && messages.isEmpty()
                && events.isEmpty();
    }

    public int size() {
        return agents.size() + interactions.size() + consultations.size() + messages.size() + events.size();
    }
}
