package org.chatconsult.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open offers of one request that several agents may be asked at once, each with its timeout. */
final class OfferSet {
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, Scheduler.Cancellable> timers = new LinkedHashMap<>();

    void add(Offer offer, Scheduler.Cancellable timer) {
        offers.put(offer.agent(), offer);
        timers.put(offer.agent(), timer);
    }

    /** Removes the agent's offer and cancels its timeout; null if the agent held none. */
    Offer remove(String agent) {
        Scheduler.Cancellable timer = timers.remove(agent);
        if (timer != null) {
            timer.cancel();
        }
        return offers.remove(agent);
    }

    Offer of(String agent) {
        return offers.get(agent);
    }

    Collection<Offer> all() {
        return List.copyOf(offers.values());
    }

    boolean isEmpty() {
        return offers.isEmpty();
    }
}
