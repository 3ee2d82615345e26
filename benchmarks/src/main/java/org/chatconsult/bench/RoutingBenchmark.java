package org.chatconsult.bench;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Readiness;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.standalone.ConfiguredDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Service CPU per offer routing decision: a chat routed to the longest-idle of N Ready agents, then ended. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {
    @Param({"100", "10000"})
    int agents;

    private ContactCentre centre;
    private long contact;

    @Setup(Level.Trial)
    public void setUp() {
        ConfiguredDirectory directory = Fixtures.directory(agents);
        centre = Fixtures.centre(directory, new ContactCentreListener() { });
        for (int i = 0; i < agents; i++) {
            centre.setReadiness("agent" + i + "@example.com", Readiness.READY, OptionalInt.of(100));
        }
    }

    /** One chat: created, routed (the decision), accepted and ended, so the centre stays the same size. */
    @Benchmark
    public Interaction routeOneChat() {
        Interaction chat = centre.startChat("sales", "contact" + (contact++) + "@example.com/web", "contact", "hi");
        centre.roomReady(chat.id());
        centre.agentJoined(chat.id(), chat.offer() == null ? null : chat.offer().agent());
        centre.end(chat.id(), EndReason.AGENT_ENDED);
        return chat;
    }
}
