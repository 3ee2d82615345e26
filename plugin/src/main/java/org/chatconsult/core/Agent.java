package org.chatconsult.core;

import java.time.Instant;

/** An agent's live state: readiness, capacity, and the chats (offered or active) that use it. */
public final class Agent {
    private final AgentProfile profile;
    private Readiness readiness = Readiness.LOGGED_OUT;
    private String reason;
    private int capacity;
    private int load;
    private Instant idleSince;

    Agent(AgentProfile profile, int capacity, Instant now) {
        this.profile = profile;
        this.capacity = capacity;
        this.idleSince = now;
    }

    public String address() {
        return profile.address();
    }

    public String displayName() {
        return profile.displayName();
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The agent's own words for being Not Ready ("break"), or null: shown back to it, never used in routing. */
    public String reason() {
        return reason;
    }

    public int capacity() {
        return capacity;
    }

    /** Offers held plus chats owned. */
    public int load() {
        return load;
    }

    public Instant idleSince() {
        return idleSince;
    }

    boolean canTakeChat() {
        return readiness == Readiness.READY && load < capacity;
    }

    void setReadiness(Readiness readiness, int capacity) {
        setReadiness(readiness, capacity, null);
    }

    void setReadiness(Readiness readiness, int capacity, String reason) {
        this.readiness = readiness;
        this.capacity = capacity;
        this.reason = readiness == Readiness.NOT_READY ? reason : null;
    }

    void idleFrom(Instant since) {
        idleSince = since;
    }

    void reserve() {
        load++;
    }

    void release(Instant now) {
        if (load > 0) {
            load--;
        }
        if (load == 0) {
            idleSince = now;
        }
    }
}
