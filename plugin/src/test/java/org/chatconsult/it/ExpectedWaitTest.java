package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.TestTemplate;

/** The queue notice carries the expected wait: a default before any history, then what waiting took there. */
@OnBothServers
class ExpectedWaitTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@consult.localhost";

    @TestTemplate
    void theQueueNoticeSaysTheExpectedWaitFromTheRoutingPointsRecentWaits(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party first = server.connectPlain("contact1");
                Party second = server.connectPlain("contact3");
                Party third = server.connectPlain("contact4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            first.chat(SUPPORT, "first");
            String firstRoom = Party.attr(agent.awaitElement("offer"), "offer", "room");
            agent.join(firstRoom, "Agent 3");

            // No chat has waited at Support yet: a minute a place.
            second.chat(SUPPORT, "second");
            Message queued = second.awaitElement("queue");
            assertThat(Party.attr(queued, "queue", "position")).isEqualTo("1");
            assertThat(Party.attr(queued, "queue", "wait")).isEqualTo("60");
            assertThat(queued.getBody()).isEqualTo(
                    "All our agents are busy. You are number 1 in line. Expected wait: about 1 min.");

            // The second waits about a second, and is accepted: Support's history is that second.
            Thread.sleep(1_000);
            agent.command("end", Map.of("interaction", firstRoom.substring(0, firstRoom.indexOf('@'))));
            Message offer = agent.awaitMessage(m -> m.hasExtension("offer", Party.NS)
                    && "second".equals(Party.ext(m, "offer").getFirstElement("preview").getText()));
            agent.join(Party.attr(offer, "offer", "room"), "Agent 3");
            second.awaitBody("has joined the chat");

            third.chat(SUPPORT, "third");
            Message estimated = third.awaitElement("queue");
            assertThat(Long.parseLong(Party.attr(estimated, "queue", "wait"))).isBetween(1L, 30L);
            assertThat(estimated.getBody()).isEqualTo(
                    "All our agents are busy. You are number 1 in line. Expected wait: about 1 min.");
        }
    }
}
