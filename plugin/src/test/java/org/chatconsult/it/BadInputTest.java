package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input of every kind gets a precise XMPP error, every IQ exactly one reply, and nothing is lost. */
@ExtendWith(BothServers.class)
class BadInputTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    private static StanzaError.Condition condition(IQ reply) {
        assertThat(reply.getType()).isEqualTo(IQ.Type.error);
        assertThat(reply.getError().getDescriptiveText()).isNotBlank();
        return reply.getError().getCondition();
    }

    @TestTemplate
    void agentCommandsAreChecked(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party other = server.connect("agent2");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready();
            contact.chat("sales@consult.localhost", "hello");
            Message offer = agent.awaitElement("offer");
            String interaction = Party.attr(offer, "offer", "interaction");
            String offerId = Party.attr(offer, "offer", "id");

            assertThat(condition(other.command("decline", Map.of("offer", offerId))))
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(condition(agent.command("decline", Map.of("offer", "no-such-offer"))))
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(condition(agent.command("decline", Map.of())))
                    .isEqualTo(StanzaError.Condition.bad_request);
            assertThat(condition(other.command("end", Map.of("interaction", interaction))))
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(condition(agent.command("end", Map.of("interaction", "nope"))))
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(condition(agent.command("end", Map.of("interaction", interaction), IQ.Type.get)))
                    .isEqualTo(StanzaError.Condition.bad_request);
            assertThat(condition(agent.command("teleport", Map.of())))
                    .isEqualTo(StanzaError.Condition.feature_not_implemented);
            Party.RawIq foreign = new Party.RawIq("query", "urn:example:unknown", Map.of());
            foreign.setTo(Party.jid(TestServer.SERVICE));
            assertThat(condition(agent.request(foreign)))
                    .isEqualTo(StanzaError.Condition.service_unavailable);
            // After all that, the offer still stands and can be accepted.
            agent.join(Party.attr(offer, "offer", "room"), "Agent 1");
            contact.awaitBody(server.displayName("agent1") + " has joined the chat.");
        }
    }

    @TestTemplate
    void everyIqGetsExactlyOneReply(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<IQ> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Party.RawIq iq = i % 3 == 0 ? new Party.RawIq("end", Party.NS, Map.of("interaction", "x" + i))
                        : i % 3 == 1 ? new Party.RawIq("decline", Party.NS, Map.of())
                        : new Party.RawIq("query", "urn:example:" + i, Map.of());
                iq.setType(i % 2 == 0 ? IQ.Type.set : IQ.Type.get);
                iq.setTo(Party.jid(TestServer.SERVICE));
                requests.add(iq);
                ids.add(iq.getStanzaId());
            }
            for (IQ iq : requests) {
                agent.connection().sendStanza(iq);
            }
            Thread.sleep(1_500);
            Map<String, Integer> replies = new ConcurrentHashMap<>();
            for (Stanza s : agent.received()) {
                if (s instanceof IQ && ids.contains(s.getStanzaId())) {
                    replies.merge(s.getStanzaId(), 1, Integer::sum);
                }
            }
            assertThat(replies).hasSize(200);
            assertThat(replies.values()).allMatch(n -> n == 1);
        }
    }

    @TestTemplate
    void contactMessagesAreChecked(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            contact.chat("nowhere@consult.localhost", "hello?");
            Message unknown = contact.awaitMessage(m -> m.getType() == Message.Type.error);
            assertThat(unknown.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
            contact.forget();

            contact.chat(TestServer.SERVICE, "hello service");
            assertThat(contact.awaitMessage(m -> m.getType() == Message.Type.error).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.service_unavailable);
            contact.forget();

            agent.ready();
            contact.chat("sales@consult.localhost", "first");
            Message offer = agent.awaitElement("offer");
            agent.join(Party.attr(offer, "offer", "room"), "Agent 1");
            contact.awaitBody("has joined");

            contact.chat("sales@consult.localhost", "x".repeat(10_001));
            Message tooLong = contact.awaitMessage(m -> m.getType() == Message.Type.error);
            assertThat(tooLong.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);

            // The chat goes on, and a flood of lines arrives complete and in order.
            for (int i = 0; i < 300; i++) {
                contact.chat("sales@consult.localhost", "flood " + i);
            }
            agent.awaitMessage(m -> "flood 299".equals(m.getBody()));
            List<String> lines = agent.received().stream()
                    .filter(s -> s instanceof Message && ((Message) s).getBody() != null
                            && ((Message) s).getBody().startsWith("flood "))
                    .map(s -> ((Message) s).getBody()).toList();
            assertThat(lines).hasSize(300);
            for (int i = 0; i < 300; i++) {
                assertThat(lines.get(i)).isEqualTo("flood " + i);
            }
            assertThat(agent.received()).noneMatch(s -> s instanceof Message
                    && ((Message) s).getBody() != null && ((Message) s).getBody().startsWith("xxxx"));
        }
    }

    @TestTemplate
    void readinessIsChecked(TestServer server) throws Exception {
        try (Party stranger = server.connect("stranger");
                Party agent = server.connect("agent1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            stranger.presenceToService(Presence.Mode.available, null);
            Presence refused = (Presence) stranger.awaitStanza(s -> s instanceof Presence
                    && ((Presence) s).getType() == Presence.Type.error);
            assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);

            for (String capacity : List.of("0", "101", "lots")) {
                agent.forget();
                agent.send(StanzaBuilder.buildPresence().to(Party.jid(TestServer.SERVICE))
                        .addExtension(StandardExtensionElement.builder("agent", Party.NS)
                                .addAttribute("capacity", capacity).build()).build());
                Presence bad = (Presence) agent.awaitStanza(s -> s instanceof Presence
                        && ((Presence) s).getType() == Presence.Type.error);
                assertThat(bad.getError().getCondition()).as(capacity).isEqualTo(StanzaError.Condition.bad_request);
            }
            agent.ready(5);
            // agent1's roster may hold the service from an earlier test (its login presence made it Ready with
            // the default capacity): look for the state that answers this presence.
            agent.awaitStanza(s -> "ready".equals(Party.attr(s, "agent", "readiness"))
                    && "5".equals(Party.attr(s, "agent", "capacity")));
        }
    }
}
