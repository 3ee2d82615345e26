package org.chatconsult.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a contact chat. NEW until its room exists; QUEUED while no agent holds an offer; OFFERED while one
 * agent is asked; ACTIVE once an agent accepted; ENDED for good.
 */
public enum InteractionState {
    NEW, QUEUED, OFFERED, ACTIVE, ENDED;

    private Set<InteractionState> next() {
        switch (this) {
            case NEW: return EnumSet.of(QUEUED, ENDED);
            case QUEUED: return EnumSet.of(OFFERED, ENDED);
            case OFFERED: return EnumSet.of(QUEUED, ACTIVE, ENDED);
            case ACTIVE: return EnumSet.of(ENDED);
            default: return EnumSet.noneOf(InteractionState.class);
        }
    }

    public boolean canMoveTo(InteractionState target) {
        return next().contains(target);
    }
}
