package org.chatconsult.core;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each agent's favorite targets in the Team Communicator, in the order added. */
public final class Favorites {
    public static final int MAX_PER_AGENT = 100;

    private final Map<String, Set<String>> favorites = new HashMap<>();

    public void add(String agent, String target) {
        Set<String> mine = favorites.computeIfAbsent(agent, a -> new LinkedHashSet<>());
        if (!mine.contains(target) && mine.size() >= MAX_PER_AGENT) {
            throw new CoreException(CoreException.Kind.RESOURCE_CONSTRAINT,
                    "at most " + MAX_PER_AGENT + " favorites");
        }
        mine.add(target);
    }

    public void remove(String agent, String target) {
        Set<String> mine = favorites.get(agent);
        if (mine == null || !mine.remove(target)) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, "that is not one of your favorites");
        }
    }

    public List<String> of(String agent) {
        return List.copyOf(favorites.getOrDefault(agent, Set.of()));
    }

    public boolean isFavorite(String agent, String target) {
        return favorites.getOrDefault(agent, Set.of()).contains(target);
    }
}
