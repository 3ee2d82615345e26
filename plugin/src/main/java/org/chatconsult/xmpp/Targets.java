package org.chatconsult.xmpp;

import java.util.Set;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Directory;
import org.chatconsult.core.RoutingPoint;
import org.xmpp.packet.JID;

/**
 * Whom an agent can name as a target (of a consultation, conference or transfer): an agent's address, or a
 * routing point or agent group of this service ({@code name@consult.<domain>}), which stands for its agents.
 */
public final class Targets {
    private final Addresses addresses;
    private final Directory directory;

    public Targets(Addresses addresses, Directory directory) {
        this.addresses = addresses;
        this.directory = directory;
    }

    /** The agents behind {@code address}; refuses what is not an agent, a routing point or an agent group. */
    public Set<String> candidates(JID address) {
        if (address.getDomain().equals(addresses.service().getDomain()) && address.getNode() != null) {
            return directory.routingPoint(address.getNode()).map(RoutingPoint::agents)
                    .or(() -> directory.agentGroup(address.getNode()).map(AgentGroup::agents))
                    .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                            "the target is no routing point or agent group of this service"));
        }
        return directory.agent(address.toBareJID()).map(profile -> Set.of(profile.address()))
                .orElseThrow(() -> new CoreException(CoreException.Kind.NOT_FOUND,
                        "the target is no agent, routing point or agent group of this service"));
    }
}
