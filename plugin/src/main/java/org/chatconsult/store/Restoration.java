package org.chatconsult.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.Snapshot;

/** Everything a starting service needs from the store: what was live, with the lines and events of each chat. */
public record Restoration(Store.Live live, Map<String, List<Store.Message>> messages,
        Map<String, List<Store.Event>> events) {

    public static Restoration load(Store store) throws StoreException {
        Store.Live live = store.live();
        Map<String, List<Store.Message>> messages = new LinkedHashMap<>();
        Map<String, List<Store.Event>> events = new LinkedHashMap<>();
        for (Snapshot.InteractionRecord interaction : live.interactions()) {
            messages.put(interaction.id(), store.messages(interaction.id()));
            events.put(interaction.id(), store.events(interaction.id()));
        }
        return new Restoration(live, messages, events);
    }

    public boolean isEmpty() {
        return live.interactions().isEmpty() && live.agents().isEmpty();
    }
}
