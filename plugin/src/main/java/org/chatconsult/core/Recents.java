package org.chatconsult.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/** The targets each agent reached lately (consulted, conferenced, transferred to, IM'd, called), newest first. */
public final class Recents {
    public static final int MAX_PER_AGENT = 20;

    /** A target reached, how, and when. */
    public record Entry(String target, String how, Instant at) {
    }

    private final Map<String, LinkedList<Entry>> recents = new HashMap<>();

    public void add(String agent, String target, String how, Instant at) {
        LinkedList<Entry> mine = recents.computeIfAbsent(agent, a -> new LinkedList<>());
        mine.removeIf(entry -> entry.target().equals(target));
        mine.addFirst(new Entry(target, how, at));
        while (mine.size() > MAX_PER_AGENT) {
            mine.removeLast();
        }
    }

    public List<Entry> of(String agent) {
        return new ArrayList<>(recents.getOrDefault(agent, new LinkedList<>()));
    }
}
