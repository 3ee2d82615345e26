package org.chatconsult.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps only its newest {@code max} entries, by insertion: how the service remembers recently ended
 * chats and consultations without growing for ever.
 */
public final class Newest<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    public Newest(int max) {
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
