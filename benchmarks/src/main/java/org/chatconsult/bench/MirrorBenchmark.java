package org.chatconsult.bench;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Readiness;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.assembly.ListenerPhases;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Service CPU per mirrored message: a contact-room line recorded and said in one active consultation's room,
 * the outgoing stanza written out as XML as the connection would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MirrorBenchmark {
    private TranscriptMirror mirror;
    private Interaction chat;
    private Blackhole sink;

    @Setup(Level.Iteration)
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        mirror = new TranscriptMirror(new Addresses("consult.example.com", "conference.example.com"),
                packet -> sink.consume(packet.toXML()), line -> sink.consume(line));
        ContactCentre centre = Fixtures.centre(Fixtures.directory(2),
                new ListenerPhases().add(ListenerPhases.Phase.CARRY_OUT, mirror).build());
        centre.setReadiness("agent0@example.com", Readiness.READY, OptionalInt.empty());
        chat = centre.startChat("sales", "carol@example.com/web", "carol", "hello");
        centre.roomReady(chat.id());
        centre.agentJoined(chat.id(), "agent0@example.com");
        centre.setReadiness("agent1@example.com", Readiness.READY, OptionalInt.empty());
        Consultation consultation = centre.consultations().start("agent0@example.com", chat.id(),
                "agent1@example.com", Set.of("agent1@example.com"));
        centre.consultations().roomReady(consultation.id());
        centre.consultations().agentJoined(consultation.id(), "agent1@example.com");
    }

    @Benchmark
    public void mirrorOneLine() {
        mirror.record(chat, "carol", "contact", Instant.now(), "Hello, my parcel 4711 has not arrived yet.", null);
    }
}
