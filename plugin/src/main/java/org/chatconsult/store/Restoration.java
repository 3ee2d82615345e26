package org.chatconsult.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.Snapshot;

/**
 * Everything a starting service needs from the store: what was live, with the lines and events of each chat, and
 * what ended since {@code endedSince} (at most {@code maxEnded} chats and as many consultations).
 */
public record Restoration(Store.Live live, Map<String, List<Store.Message>> messages,
        Map<String, List<Store.Event>> events, Store.Ended ended) {

    public static Restoration load(Store store, Instant endedSince, int maxEnded) throws StoreException {
        Store.Live live = store.live();
        Store.Ended ended = store.endedSince(endedSince, maxEnded);
        Map<String, List<Store.Message>> messages = new LinkedHashMap<>();
        Map<String, List<Store.Event>> events = new LinkedHashMap<>();
        for (Snapshot.InteractionRecord interaction : live.interactions()) {
            messages.put(interaction.id(), store.messages(interaction.id()));
            events.put(interaction.id(), store.events(interaction.id()));
        }
        return new Restoration(live, messages, events, ended);
    }

    public boolean isEmpty() {
        return live.interactions().isEmpty() && live.agents().isEmpty() && ended.interactions().isEmpty();
    }
}
