package org.chatconsult.bench;

import java.util.concurrent.TimeUnit;

import org.chatconsult.xmpp.edge.StanzaGuard;
import org.dom4j.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.xmpp.packet.Message;

/**
 * The service's work on the server's thread for one contact line, the other half of {@link MirrorBenchmark}: the
 * room's message to the service's occupant, as Openfire broadcasts it (with its XEP-0359 and XEP-0421 ids),
 * checked at the edge and copied off the server's stanza.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EdgeBenchmark {
    private final Message line = contactLine();

    private static Message contactLine() {
        Message message = new Message();
        message.setType(Message.Type.groupchat);
        message.setFrom("a2b3c4d5e6f7@conference.example.com/carol");
        message.setTo("consult.example.com/a2b3c4d5e6f7");
        message.setID("line-4711");
        message.setBody("Hello, my parcel 4711 has not arrived yet.");
        Element stanzaId = message.addChildElement("stanza-id", "urn:xmpp:sid:0");
        stanzaId.addAttribute("id", "0f6d3a52-6a0c-4c51-9f0e-1d2e3f4a5b6c");
        stanzaId.addAttribute("by", "a2b3c4d5e6f7@conference.example.com");
        message.addChildElement("occupant-id", "urn:xmpp:occupant-id:0").addAttribute("id", "q8Zr2k");
        return message;
    }

    @Benchmark
    public void checkAndCopyOneLine(Blackhole sink) {
        sink.consume(StanzaGuard.check(line.getElement()));
        sink.consume(line.createCopy());
    }
}
