package org.chatconsult.standalone;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.Directory;
import org.chatconsult.core.RoutingPoint;

/** A fixed directory: agents and routing points as the standalone configuration lists them. */
public final class ConfiguredDirectory implements Directory {
    private final Map<String, AgentProfile> agents;
    private final Map<String, RoutingPoint> routingPoints;
    private final List<AgentGroup> groups;

    public ConfiguredDirectory(Collection<AgentProfile> agents, Collection<RoutingPoint> routingPoints) {
        this(agents, routingPoints, List.of());
    }

    public ConfiguredDirectory(Collection<AgentProfile> agents, Collection<RoutingPoint> routingPoints,
            Collection<AgentGroup> groups) {
        this.agents = agents.stream().collect(Collectors.toUnmodifiableMap(AgentProfile::address, Function.identity()));
        this.routingPoints = routingPoints.stream()
                .collect(Collectors.toUnmodifiableMap(RoutingPoint::name, Function.identity()));
        this.groups = List.copyOf(groups);
    }

    @Override
    public Collection<AgentProfile> agents() {
        return agents.values();
    }

    @Override
    public Collection<AgentGroup> agentGroups() {
        return groups;
    }

    @Override
    public Optional<AgentProfile> agent(String address) {
        return Optional.ofNullable(agents.get(address));
    }

    @Override
    public Optional<RoutingPoint> routingPoint(String name) {
        return Optional.ofNullable(routingPoints.get(name));
    }

    @Override
    public Collection<RoutingPoint> routingPoints() {
        return List.copyOf(routingPoints.values());
    }
}
