package org.chatconsult.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agents, routing points and agent groups a core test names, and nobody else. */
record FixedDirectory(Map<String, AgentProfile> agentsByAddress, Map<String, RoutingPoint> pointsByName,
        List<AgentGroup> agentGroups) implements Directory {

    static FixedDirectory of(List<AgentProfile> agents, List<RoutingPoint> points, AgentGroup... groups) {
        return new FixedDirectory(
                agents.stream().collect(Collectors.toMap(AgentProfile::address, Function.identity())),
                points.stream().collect(Collectors.toMap(RoutingPoint::name, Function.identity())),
                List.of(groups));
    }

    @Override
    public Optional<AgentProfile> agent(String address) {
        return Optional.ofNullable(agentsByAddress.get(address));
    }

    @Override
    public Collection<AgentProfile> agents() {
        return agentsByAddress.values();
    }

    @Override
    public Optional<RoutingPoint> routingPoint(String name) {
        return Optional.ofNullable(pointsByName.get(name));
    }

    @Override
    public Collection<RoutingPoint> routingPoints() {
        return pointsByName.values();
    }
}
