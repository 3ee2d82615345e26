package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** Genesys Workspace's chat conference, and transfers: the target is brought into the contact room itself. */
@OnBothServers
class HandoverTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SALES = "sales@consult.localhost";

    private static IQ invite(Party owner, String command, String interaction, String target, String mode)
            throws Exception {
        Map<String, String> attributes = mode == null ? Map.of("interaction", interaction, "target", target)
                : Map.of("interaction", interaction, "target", target, "mode", mode);
        return owner.command(command, attributes);
    }

    private static String roomOfChat(Party owner) throws InterruptedException {
        return Party.attr(owner.awaitElement("offer"), "offer", "room");
    }

    @TestTemplate
    void conferencedAgentJoinsTheContactChatAndTheContactSeesThem(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            String room = roomOfChat(alice);
            dora.ready();
            IQ reply = invite(alice, "conference", interaction, "agent4@localhost", null);
            assertThat(reply.getType()).isEqualTo(IQ.Type.result);
            assertThat(Party.ext(reply, "handover").getAttributeValue("kind")).isEqualTo("conference");
            Message offer = dora.awaitElement("handover-offer");
            assertThat(Party.attr(offer, "handover-offer", "kind")).isEqualTo("conference");
            assertThat(Party.attr(offer, "handover-offer", "room")).isEqualTo(room);
            MultiUserChat doraInChat = dora.join(room, "Agent 4");
            carol.awaitBody(server.displayName("agent4") + " has joined the chat.");
            alice.awaitElement("handover-accepted");
            doraInChat.sendMessage("Hello, I am the supervisor.");
            carol.awaitBody(server.displayName("agent4") + ": Hello, I am the supervisor.");
            alice.awaitMessage(m -> "Hello, I am the supervisor.".equals(m.getBody()));

            // Alice still owns the chat; Dora's capacity is freed when she leaves.
            doraInChat.leave();
            dora.barrier(); // the service has seen her leave: the room told it before it answers her
            assertThat(alice.command("end", Map.of("interaction", interaction)).getType()).isEqualTo(IQ.Type.result);
        }
    }

    @TestTemplate
    void warmTransferMovesOwnershipAndTheFormerOwnerLeavesWhenReady(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            String room = roomOfChat(alice);
            dora.ready();
            invite(alice, "transfer", interaction, "agent4@localhost", "warm");
            Message offer = dora.awaitElement("handover-offer");
            assertThat(Party.attr(offer, "handover-offer", "kind")).isEqualTo("warm-transfer");
            dora.join(room, "Agent 4");
            alice.awaitElement("handover-accepted");
            carol.chat(SALES, "Who is there now?");
            dora.awaitMessage(m -> "Who is there now?".equals(m.getBody()));
            assertThat(alice.command("end", Map.of("interaction", interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            org.jivesoftware.smackx.muc.MultiUserChatManager.getInstanceFor(alice.connection())
                    .getMultiUserChat(Party.room(room)).leave();
            assertThat(dora.command("end", Map.of("interaction", interaction)).getType()).isEqualTo(IQ.Type.result);
            carol.awaitElement("ended");
        }
    }

    @TestTemplate
    void coldTransferTakesTheFormerOwnerOutOnAccept(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            String room = roomOfChat(alice);
            dora.ready();
            invite(alice, "transfer", interaction, "agent4@localhost", "cold");
            dora.join(Party.attr(dora.awaitElement("handover-offer"), "handover-offer", "room"), "Agent 4");
            // Alice is removed from the room by the server (XEP-0045 §9.4: affiliation change, status 321).
            alice.awaitStanza(s -> s instanceof Presence && ((Presence) s).getType() == Presence.Type.unavailable
                    && s.getFrom().toString().equals(room + "/Agent 1"));
            carol.chat(SALES, "Hello?");
            dora.awaitMessage(m -> "Hello?".equals(m.getBody()));
            assertThat(dora.command("end", Map.of("interaction", interaction)).getType()).isEqualTo(IQ.Type.result);
        }
    }

    @TestTemplate
    void declinedTransferIsReleasedAndTheOwnerKeepsTheChat(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            assertThat(invite(alice, "transfer", interaction, "agent4@localhost", "cold").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.recipient_unavailable);
            dora.ready();
            assertThat(invite(alice, "transfer", interaction, "agent4@localhost", "sideways").getError()
                    .getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(invite(dora, "conference", interaction, "agent1@localhost", null).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            invite(alice, "transfer", interaction, "agent4@localhost", "cold");
            Message offer = dora.awaitElement("handover-offer");
            dora.command("decline", Map.of("offer", Party.attr(offer, "handover-offer", "id")));
            assertThat(Party.attr(alice.awaitElement("handover-released"), "handover-released", "reason"))
                    .isEqualTo("declined");
            assertThat(alice.command("end", Map.of("interaction", interaction)).getType()).isEqualTo(IQ.Type.result);
        }
    }
}
