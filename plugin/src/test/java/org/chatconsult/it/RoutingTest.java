package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** Readiness, capacity and offers: who is asked, when the offer moves on, and what waiting contacts hear. */
@OnBothServers
class RoutingTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SALES = "sales@consult.localhost";

    @TestTemplate
    void notReadyAgentsAreNotOfferedChatsUntilTheyGoReady(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.notReady();
            contact.chat(SALES, "anyone there?");
            contact.awaitBody("You are number 1 in line");
            assertThat(agent.receives(s -> s.hasExtension("offer", Party.NS), Duration.ofSeconds(1))).isFalse();
            agent.ready();
            agent.awaitElement("offer");
        }
    }

    @TestTemplate
    void agentWithTheServiceInItsRosterIsReadyByOrdinaryPresence(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            org.jivesoftware.smack.roster.Roster roster = org.jivesoftware.smack.roster.Roster
                    .getInstanceFor(agent.connection());
            roster.setSubscriptionMode(org.jivesoftware.smack.roster.Roster.SubscriptionMode.accept_all);
            roster.createItemAndRequestSubscription(Party.room("x@" + TestServer.SERVICE).asDomainBareJid()
                    .asBareJid(), "ChatConsult", null);
            agent.awaitStanza(s -> "ready".equals(Party.attr(s, "agent", "readiness")));
            agent.send(org.jivesoftware.smack.packet.StanzaBuilder.buildPresence()
                    .setMode(org.jivesoftware.smack.packet.Presence.Mode.dnd).build());
            agent.awaitStanza(s -> "not-ready".equals(Party.attr(s, "agent", "readiness")));
            contact.chat(SALES, "hello");
            contact.awaitBody("You are number 1 in line");
            agent.send(org.jivesoftware.smack.packet.StanzaBuilder.buildPresence().build());
            agent.awaitElement("offer");
            // Leave agent1's roster as it was: later tests expect its login presence to say nothing to the service.
            var remove = new org.jivesoftware.smack.roster.packet.RosterPacket();
            remove.setType(org.jivesoftware.smack.packet.IQ.Type.set);
            var item = new org.jivesoftware.smack.roster.packet.RosterPacket.Item(
                    Party.room("x@" + TestServer.SERVICE).asDomainBareJid().asBareJid(), null);
            item.setItemType(org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.remove);
            remove.addRosterItem(item);
            agent.connection().sendIqRequestAndWaitForResponse(remove);
        }
    }

    @TestTemplate
    void offerGoesToTheLongestIdleAgent(TestServer server) throws Exception {
        try (Party first = server.connect("agent1");
                Party second = server.connect("agent2");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            second.ready();
            Await.nextMillisecond(); // the first agent goes Ready later: it is idle for less time
            first.ready();
            contact.chat(SALES, "hello");
            second.awaitElement("offer");
            assertThat(first.receives(s -> s.hasExtension("offer", Party.NS), Duration.ofMillis(500))).isFalse();
        }
    }

    @TestTemplate
    void capacityIsEnforcedAndFreedWhenAChatEnds(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party one = server.connectPlain("contact1");
                Party two = server.connectPlain("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            one.chat("support@consult.localhost", "first");
            Message offer = agent.awaitElement("offer");
            agent.join(Party.attr(offer, "offer", "room"), "Agent 3");
            two.chat("support@consult.localhost", "second");
            two.awaitBody("You are number 1 in line");
            agent.forget();
            agent.command("end", Map.of("interaction", Party.attr(offer, "offer", "interaction")));
            Message next = agent.awaitElement("offer");
            assertThat(Party.ext(next, "offer").getFirstElement("preview").getText()).isEqualTo("second");
        }
    }

    @TestTemplate
    void declinedOfferGoesToTheNextAgent(TestServer server) throws Exception {
        try (Party first = server.connect("agent1");
                Party second = server.connect("agent2");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            first.ready();
            Await.nextMillisecond(); // the second agent goes Ready later: the offer goes to the first
            second.ready();
            contact.chat(SALES, "hello");
            Message offer = first.awaitElement("offer");
            IQ reply = first.command("decline", Map.of("offer", Party.attr(offer, "offer", "id")));
            assertThat(reply.getType()).isEqualTo(IQ.Type.result);
            assertThat(Party.attr(first.awaitElement("revoked"), "revoked", "reason")).isEqualTo("declined");
            Message moved = second.awaitElement("offer");
            assertThat(Party.attr(moved, "offer", "interaction")).isEqualTo(Party.attr(offer, "offer", "interaction"));
        }
    }

    @TestTemplate
    void unansweredOfferIsRevokedAndTheLateJoinRefused(TestServer server) throws Exception {
        try (TestServer.Service service = server.service(TestServer.settings(Duration.ofSeconds(1), LONG, 3));
                Party first = server.connect("agent1");
                Party second = server.connect("agent2");
                Party contact = server.connectPlain("contact1")) {
            first.ready();
            Await.nextMillisecond(); // the second agent goes Ready later: the offer goes to the first
            second.ready();
            contact.chat(SALES, "hello");
            Message offer = first.awaitElement("offer");
            Message revoked = first.awaitElement("revoked");
            assertThat(Party.attr(revoked, "revoked", "reason")).isEqualTo("timeout");
            assertThat(Party.attr(revoked, "revoked", "offer")).isEqualTo(Party.attr(offer, "offer", "id"));
            second.awaitElement("offer");
            // The server itself now refuses the first agent: the membership went with the offer.
            assertThatThrownBy(() -> first.join(Party.attr(offer, "offer", "room"), "Agent 1"))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.registration_required));
        }
    }

    @TestTemplate
    void waitingContactsHearTheirPositionAndAreClosedPolitelyAfterTheMaximumWait(TestServer server)
            throws Exception {
        try (TestServer.Service service = server.service(TestServer.settings(LONG, Duration.ofSeconds(3), 3));
                Party one = server.connectPlain("contact1");
                Party two = server.connectPlain("contact2")) {
            one.chat("night@consult.localhost", "is anyone awake?");
            one.awaitBody("You are number 1 in line");
            // Time is the subject: the second contact comes half-way through the first one's maximum wait, so
            // the first times out while the second still waits.
            Await.pace(Duration.ofMillis(1_500), "the second contact comes half-way through the first's wait");
            two.chat("night@consult.localhost", "me too");
            Message position = two.awaitBody("You are number 2 in line");
            assertThat(Party.attr(position, "queue", "position")).isEqualTo("2");
            Message ended = one.awaitElement("ended");
            assertThat(Party.attr(ended, "ended", "reason")).isEqualTo("queue-timeout");
            assertThat(ended.getBody()).contains("No agent could take the chat in time");
            two.awaitBody("You are number 1 in line");
            assertThat(Party.attr(two.awaitElement("ended"), "ended", "reason")).isEqualTo("queue-timeout");
        }
    }
}
