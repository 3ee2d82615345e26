package org.chatconsult.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a consultation. NEW until its room exists; OFFERED while its target (or the agents behind a routing
 * point) are asked; ACTIVE once one accepted; ENDED for good (released, ended by a member, or with its chat).
 */
public enum ConsultationState {
    NEW, OFFERED, ACTIVE, ENDED;

    public boolean canMoveTo(ConsultationState target) {
        Set<ConsultationState> next;
        switch (this) {
            case NEW: next = EnumSet.of(OFFERED, ENDED); break;
            case OFFERED: next = EnumSet.of(ACTIVE, ENDED); break;
            case ACTIVE: next = EnumSet.of(ENDED); break;
            default: next = EnumSet.noneOf(ConsultationState.class);
        }
        return next.contains(target);
    }
}
