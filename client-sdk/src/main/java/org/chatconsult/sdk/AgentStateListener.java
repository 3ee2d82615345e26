package org.chatconsult.sdk;

import org.chatconsult.sdk.packet.AgentStateExtension;

/**
 * Hears the service's view of this agent whenever it answers a readiness change.
 *
 * <pre>{@code
 * agents.addAgentStateListener(state -> statusBar.show(state.getReadiness()));
 * }</pre>
 */
@FunctionalInterface
public interface AgentStateListener {
    void stateChanged(AgentStateExtension state);
}
