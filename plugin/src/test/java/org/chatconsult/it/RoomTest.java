package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** Interaction rooms are real rooms of the server's MUC service, configured by the service as their owner. */
@OnBothServers
class RoomTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void roomIsHiddenMembersOnlyAndHoldsOnlyTheChatsParties(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                Party stranger = server.connect("stranger");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready();
            contact.chat("sales@consult.localhost", "hello");
            Message offer = agent.awaitElement("offer");
            String room = Party.attr(offer, "offer", "room");
            assertThat(room).endsWith("@conference.localhost");
            MultiUserChat muc = agent.join(room, "Agent 1");

            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(agent.connection()).discoverInfo(Party.jid(room));
            assertThat(info.containsFeature("muc_membersonly")).isTrue();
            assertThat(info.containsFeature("muc_hidden")).isTrue();
            assertThat(info.containsFeature("muc_semianonymous")).isTrue();

            assertThat(muc.getOccupants()).extracting(o -> o.getResourceOrEmpty().toString())
                    .containsExactlyInAnyOrder("Sales", "contact1", "Agent 1");

            DiscoverItems listed = ServiceDiscoveryManager.getInstanceFor(stranger.connection())
                    .discoverItems(Party.jid("conference.localhost"));
            assertThat(listed.getItems()).noneMatch(item -> item.getEntityID().toString().equals(room));
            assertThatThrownBy(() -> stranger.join(room, "Eve"))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.registration_required));
        }
    }

    @TestTemplate
    void agentSeesTheWholeChatSoFarWhenJoining(TestServer server) throws Exception {
        try (Party agent = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            contact.chat("sales@consult.localhost", "line 1");
            contact.awaitBody("You are number 1 in line");
            for (int i = 2; i <= 30; i++) {
                contact.chat("sales@consult.localhost", "line " + i);
            }
            // Every line is in the chat before the agent is asked: the contact's barrier hands them all to the
            // service's core, the agent's waits behind them there.
            contact.barrier();
            agent.barrier();
            agent.ready();
            Message offer = agent.awaitElement("offer");
            agent.join(Party.attr(offer, "offer", "room"), "Agent 1");
            // The room replays what its server keeps (Prosody: the 200 lines the service configures; Openfire:
            // its service-wide default of 25); the service's archive has every line whatever the server keeps.
            int first = Math.max(1, 30 - server.roomHistoryShown() + 1);
            for (int i = first; i <= 30; i++) {
                String line = "line " + i;
                agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && line.equals(m.getBody()));
            }
            String interaction = Party.room(Party.attr(offer, "offer", "room")).getLocalpart().toString();
            AgentDesk.waitFor(() -> {
                try {
                    return org.chatconsult.sdk.TranscriptArchive.of(org.chatconsult.sdk.AgentManager
                            .getInstanceFor(agent.connection())).lines(interaction).size() == 30;
                } catch (Exception notYet) {
                    return false;
                }
            });
        }
    }

    @TestTemplate
    void serviceListsItsRoutingPoints(TestServer server) throws Exception {
        try (Party someone = server.connect("stranger");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(someone.connection());
            assertThat(disco.discoverInfo(Party.jid(TestServer.SERVICE)).containsFeature(Party.NS)).isTrue();
            assertThat(disco.discoverItems(Party.jid(TestServer.SERVICE)).getItems())
                    .extracting(item -> item.getEntityID().toString())
                    .contains("sales@consult.localhost", "support@consult.localhost", "night@consult.localhost");
        }
    }
}
