package org.chatconsult.openfire;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
public final class OpenfireDirectory implements Directory {
    static final String AGENTS_GROUP = "chatconsult.agents.group";
    static final String ROUTING_POINTS = "chatconsult.routingpoints";
    /** Out of the box: one routing point, served by the agent group. */
    static final String DEFAULT_ROUTING_POINTS = "support";

    private final UnaryOperator<String> properties;
    private final GroupSource groups;

    /** {@code properties} answers a property name with its value or null. */
    public OpenfireDirectory(UnaryOperator<String> properties, GroupSource groups) {
        this.properties = properties;
        this.groups = groups;
    }

    @Override
    public Optional<AgentProfile> agent(String address) {
        boolean isAgent = groups.members(agentGroup()).contains(address)
                || routingPoints().stream().anyMatch(point -> point.servedBy(address));
        if (!isAgent) {
            return Optional.empty();
        }
        return Optional.of(new AgentProfile(address, groups.displayName(address)));
    }

    @Override
    public Collection<AgentProfile> agents() {
        Set<String> addresses = new LinkedHashSet<>(groups.members(agentGroup()));
        routingPoints().forEach(point -> addresses.addAll(point.agents()));
        return addresses.stream().map(address -> new AgentProfile(address, groups.displayName(address))).toList();
    }

    /** Agent groups: the Openfire groups listed in {@code chatconsult.agentgroups}. */
    @Override
    public Collection<AgentGroup> agentGroups() {
        return Arrays.stream(property("chatconsult.agentgroups", "").split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> new AgentGroup(name, name, new LinkedHashSet<>(groups.members(name))))
                .toList();
    }

    @Override
    public Optional<RoutingPoint> routingPoint(String name) {
        return names().contains(name) ? Optional.of(build(name)) : Optional.empty();
    }

    @Override
    public Collection<RoutingPoint> routingPoints() {
        return names().stream().map(this::build).toList();
    }

    private RoutingPoint build(String name) {
        String prefix = "chatconsult.routingpoint." + name;
        String group = property(prefix + ".group", agentGroup());
        Set<String> members = new LinkedHashSet<>(groups.members(group));
        return new RoutingPoint(name, property(prefix + ".name", name), members);
    }

    private List<String> names() {
        return Arrays.stream(property(ROUTING_POINTS, DEFAULT_ROUTING_POINTS).split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty() && !Addresses.BRIDGE_NODE.equals(name))
                .toList();
    }

    private String agentGroup() {
        return property(AGENTS_GROUP, "agents");
    }

    private String property(String name, String fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
