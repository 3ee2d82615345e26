package org.chatconsult.openfire;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.Directory;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.xmpp.Addresses;

/**
 * Agents and routing points from Openfire: agents are the members of the agent group
 * ({@code chatconsult.agents.group}, default {@code agents}); each routing point listed in
 * {@code chatconsult.routingpoints} (default: one, {@code support}) is served by the members of
 * {@code chatconsult.routingpoint.<name>.group} (default: the agent group). Read on every question, so group
 * changes apply at once.
 */
public record OpenfireDirectory(OpenfireSettings settings, GroupSource groups) implements Directory {
    @Override
    public Optional<AgentProfile> agent(String address) {
        boolean isAgent = groups.members(settings.agentsGroup()).contains(address)
                || routingPoints().stream().anyMatch(point -> point.servedBy(address));
        if (!isAgent) {
            return Optional.empty();
        }
        return Optional.of(new AgentProfile(address, groups.displayName(address)));
    }

    @Override
    public Collection<AgentProfile> agents() {
        Set<String> addresses = new LinkedHashSet<>(groups.members(settings.agentsGroup()));
        routingPoints().forEach(point -> addresses.addAll(point.agents()));
        return addresses.stream().map(address -> new AgentProfile(address, groups.displayName(address))).toList();
    }

    /** Agent groups: the Openfire groups listed in {@code chatconsult.agentgroups}. */
    @Override
    public Collection<AgentGroup> agentGroups() {
        return settings.agentGroups().stream()
                .map(name -> new AgentGroup(name, name, new LinkedHashSet<>(groups.members(name))))
                .toList();
    }

    @Override
    public Optional<RoutingPoint> routingPoint(String name) {
        return routingPoints().stream().filter(point -> point.name().equals(name)).findFirst();
    }

    @Override
    public Collection<RoutingPoint> routingPoints() {
        return settings.routingPoints().stream()
                .filter(point -> !Addresses.BRIDGE_NODE.equals(point.name()))
                .map(point -> new RoutingPoint(point.name(), point.displayName(),
                        new LinkedHashSet<>(groups.members(point.group()))))
                .toList();
    }
}
