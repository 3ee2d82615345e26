package org.chatconsult.core;

import java.util.Objects;
import java.util.Set;

/**
 * A queue contacts write to. {@code name} is the local part of its address; {@code agents} are the bare
 * addresses of the agents who serve it.
 */
public record RoutingPoint(String name, String displayName, Set<String> agents) {
    public RoutingPoint {
        Objects.requireNonNull(name);
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        agents = Set.copyOf(agents);
    }

    public boolean servedBy(String agent) {
        return agents.contains(agent);
    }
}
