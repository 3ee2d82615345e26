package org.chatconsult.core;

import java.util.Objects;
import java.util.Set;

/** A named team of agents that can be consulted, conferenced or transferred to as a whole. */
public record AgentGroup(String name, String displayName, Set<String> agents) {
    public AgentGroup {
        Objects.requireNonNull(name);
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        agents = Set.copyOf(agents);
    }
}
