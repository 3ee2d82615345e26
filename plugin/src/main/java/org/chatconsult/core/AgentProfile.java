package org.chatconsult.core;

import java.util.Objects;

/** Who an agent is, as the directory knows them: bare address and display name. */
public record AgentProfile(String address, String displayName) {
    public AgentProfile {
        Objects.requireNonNull(address);
        displayName = displayName == null || displayName.isBlank() ? address : displayName;
    }
}
