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

/** Bad input of every kind gets a precise XMPP error, every IQ exactly one reply, and nothing is lost. */
@OnBothServers
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
            Await.until(Party.WAIT, "a reply to each of the 200 requests", () -> agent.received().stream()
                    .filter(s -> s instanceof IQ && ids.contains(s.getStanzaId()))
                    .map(Stanza::getStanzaId).distinct().count() == 200);
            agent.barrier(); // a second reply to any of them has arrived by now
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

    /**
     * 2,000 lines from one contact in about a second: the service takes in as many as the sender's allowance
     * holds and refuses the rest, each with its own error, so the contact knows exactly which to send again;
     * every line taken in reaches the agent, in order.
     */
    @TestTemplate
    void aFloodIsTakenInUpToTheSendersAllowanceAndEveryOtherLineRefused(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            ConsultationTest.activeChat(agent, contact);
            int total = 2_000;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                contact.send(StanzaBuilder.buildMessage("surge-" + i).to(Party.jid("sales@consult.localhost"))
                        .ofType(Message.Type.chat).setBody("surge " + i).build());
            }
            long sending = System.nanoTime() - start;
            Set<Integer> refused = ConcurrentHashMap.newKeySet();
            List<Integer> delivered = new ArrayList<>();
            // No verdict here: the checks below say what came of the flood.
            Await.within(Duration.ofSeconds(60), () -> {
                refused.clear();
                for (Stanza s : contact.received()) {
                    if (s instanceof Message && ((Message) s).getType() == Message.Type.error
                            && s.getStanzaId() != null && s.getStanzaId().startsWith("surge-")) {
                        assertThat(s.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
                        refused.add(Integer.parseInt(s.getStanzaId().substring("surge-".length())));
                    }
                }
                delivered.clear();
                for (Stanza s : agent.received()) {
                    if (s instanceof Message && ((Message) s).getBody() != null
                            && ((Message) s).getBody().startsWith("surge ")) {
                        delivered.add(Integer.parseInt(((Message) s).getBody().substring("surge ".length())));
                    }
                }
                return refused.size() + delivered.size() >= total;
            });
            System.out.printf("flood of %d lines in %d ms: %d taken in and delivered, %d refused%n", total,
                    sending / 1_000_000, delivered.size(), refused.size());
            assertThat(refused.size() + delivered.size()).isEqualTo(total);
            assertThat(delivered).doesNotContainAnyElementsOf(refused).isSorted().doesNotHaveDuplicates();
            assertThat(delivered.size()).isGreaterThanOrEqualTo(400);
            assertThat(refused).isNotEmpty();
        }
    }

    /**
     * 200 contacts at once, each writing 5 lines while every agent is away: each chat opens and waits in the
     * queue, no line is refused, and every line is in its chat's record. On Prosody, whose guest host lets 200
     * contacts in without accounts; Openfire's test server has no anonymous login configured.
     */
    @TestTemplate
    void twoHundredContactsAtOnceLoseNothing(TestServer server) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!(server instanceof OpenfireTestServer),
                "needs the guest host of the test Prosody");
        List<Party> contacts = new ArrayList<>();
        try (Party supervisor = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            for (int i = 0; i < 200; i++) {
                contacts.add(Party.connectAnonymous(server.prosody().guestDomain(), server.prosody().c2sPort()));
            }
            for (int line = 1; line <= 5; line++) {
                for (Party contact : contacts) {
                    contact.chat("sales@consult.localhost", "crowd line " + line + " from " + contact.connection().getUser());
                }
            }
            for (Party contact : contacts) {
                String interaction = Party.attr(contact.awaitStanza(s -> Party.attr(s, "queue", "interaction") != null),
                        "queue", "interaction");
                assertThat(contact.received()).noneMatch(s -> s instanceof Message
                        && ((Message) s).getType() == Message.Type.error);
                String[] exported = {null};
                // No verdict here: the checks below say which lines the record lacks.
                Await.within(Duration.ofSeconds(10), () -> {
                    IQ export = supervisor.command("export", Map.of("interaction", interaction, "format", "text"),
                            IQ.Type.get);
                    exported[0] = Party.ext(export, "export").getText();
                    return exported[0].contains("crowd line 5");
                });
                String text = exported[0];
                for (int line = 1; line <= 5; line++) {
                    assertThat(text).contains("crowd line " + line + " from " + contact.connection().getUser());
                }
            }
        } finally {
            contacts.forEach(Party::close);
        }
    }
}
