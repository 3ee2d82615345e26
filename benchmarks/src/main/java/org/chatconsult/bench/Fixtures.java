package org.chatconsult.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.core.Scheduler;
import org.chatconsult.core.Settings;
import org.chatconsult.standalone.ConfiguredDirectory;

/** A contact centre of a given size in memory, for the micro-benchmarks. */
final class Fixtures {
    /** Timers that never fire: the benchmarks measure decisions, not timeouts. */
    static final Scheduler NO_TIMERS = (delay, task) -> () -> { };

    private Fixtures() {
    }

    static ConfiguredDirectory directory(int agents) {
        List<AgentProfile> profiles = new ArrayList<>();
        Set<String> all = new java.util.LinkedHashSet<>();
        for (int i = 0; i < agents; i++) {
            String address = "agent" + i + "@example.com";
            profiles.add(new AgentProfile(address, "Agent " + i));
            all.add(address);
        }
        return new ConfiguredDirectory(profiles, List.of(new RoutingPoint("sales", "Sales", all)));
    }

    static ContactCentre centre(ConfiguredDirectory directory, ContactCentreListener listener) {
        AtomicLong ids = new AtomicLong();
        return new ContactCentre(new Settings(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), 100,
                1_000_000), directory, NO_TIMERS, Clock.systemUTC(), () -> "id" + ids.incrementAndGet(), listener);
    }
}
