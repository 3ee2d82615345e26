package org.chatconsult.core;

import java.util.Collection;
import java.util.Optional;

/**
 * Where agents and routing points come from: the standalone service reads them from its configuration, the
 * Openfire plugin from Openfire's users and groups.
 */
public interface Directory {
    /** The agent group whose members read every transcript and the service's statistics. */
    String SUPERVISORS = "supervisors";

    Optional<AgentProfile> agent(String address);

    /** An agent's display name, or the address itself for anyone the directory does not know. */
    default String displayName(String address) {
        return agent(address).map(AgentProfile::displayName).orElse(address);
    }

    /** Every agent, for the Team Communicator's search. */
    Collection<AgentProfile> agents();

    Optional<RoutingPoint> routingPoint(String name);

    Collection<RoutingPoint> routingPoints();

    /** Agent groups; they share the routing points' names, which win where both exist. */
    default Collection<AgentGroup> agentGroups() {
        return java.util.List.of();
    }

    default Optional<AgentGroup> agentGroup(String name) {
        return agentGroups().stream().filter(group -> group.name().equals(name)).findFirst();
    }

    default boolean isSupervisor(String address) {
        return agentGroup(SUPERVISORS).map(group -> group.agents().contains(address)).orElse(false);
    }
}
