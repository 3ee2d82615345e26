package org.chatconsult.core;

import java.util.Collection;
import java.util.Optional;

/**
 * Where agents and routing points come from: the standalone service reads them from its configuration, the
 * Openfire plugin from Openfire's users and groups.
 */
public interface Directory {
    Optional<AgentProfile> agent(String address);

    Optional<RoutingPoint> routingPoint(String name);

    Collection<RoutingPoint> routingPoints();
}
