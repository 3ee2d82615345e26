package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.DirectoryEntry;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TeamCommunicator;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.jxmpp.jid.impl.JidCreate;

/** The Team Communicator through the SDK: search, favorites, recent targets, and acting on what is found. */
@OnBothServers
class TeamCommunicatorTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    private static Map<String, DirectoryEntry> byJid(List<DirectoryEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.getJid().toString(), e -> e));
    }

    @TestTemplate
    void searchFiltersByTextKindAndReadinessAndReportsStateAndLoad(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party benPhone = server.connect("agent2");
                Party carol = server.connectPlain("contact1");
                Party stranger = server.connect("stranger");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            alice.agents.setReady();
            AgentDesk.waitFor(() -> alice.agents.getState() != null);
            AgentManager.getInstanceFor(benPhone.connection()).setReady(2);
            carol.chat("sales@consult.localhost", "hello");
            alice.agents.accept(alice.next(alice.chats), "Agent 1");
            AgentDesk.waitFor(() -> alice.agents.getState() != null);
            TeamCommunicator team = TeamCommunicator.getInstanceFor(alicePhone.connection());

            Map<String, DirectoryEntry> all = byJid(team.search("", EnumSet.allOf(DirectoryEntry.Kind.class), false));
            DirectoryEntry ben = all.get("agent2@localhost");
            assertThat(ben.getKind()).isEqualTo(DirectoryEntry.Kind.AGENT);
            assertThat(ben.getPresence()).isEqualTo("online");
            assertThat(ben.getReadiness()).isEqualTo("ready");
            assertThat(ben.getCapacity()).isEqualTo(2);
            assertThat(all.get("agent1@localhost").getLoad()).isEqualTo(1);
            assertThat(all.get("agent3@localhost").getReadiness()).isEqualTo("logged-out");
            assertThat(all.get("agent3@localhost").getPresence()).isEqualTo("offline");
            assertThat(all.get("sales@consult.localhost").getKind()).isEqualTo(DirectoryEntry.Kind.ROUTING_POINT);
            assertThat(all.get("sales@consult.localhost").getReadiness()).isEqualTo("ready");
            assertThat(all.get("sales@consult.localhost").getLoad()).isEqualTo(1);
            assertThat(all.get("supervisors@consult.localhost").getKind()).isEqualTo(DirectoryEntry.Kind.GROUP);
            assertThat(all.get("contact1@localhost").getKind()).isEqualTo(DirectoryEntry.Kind.CONTACT);

            assertThat(team.search("SAL", EnumSet.of(DirectoryEntry.Kind.ROUTING_POINT), false))
                    .extracting(e -> e.getJid().toString()).containsExactly("sales@consult.localhost");
            assertThat(team.search("agent", EnumSet.of(DirectoryEntry.Kind.AGENT), true))
                    .extracting(e -> e.getJid().toString())
                    .containsExactlyInAnyOrder("agent1@localhost", "agent2@localhost");
            assertThat(team.search("contact", EnumSet.of(DirectoryEntry.Kind.CONTACT), false)).hasSize(1);

            // Only agents use the Team Communicator; a contact's search is refused.
            assertThatThrownBy(() -> TeamCommunicator.getInstanceFor(stranger.connection())
                    .search("", EnumSet.allOf(DirectoryEntry.Kind.class), false))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.forbidden));
        }
    }

    @TestTemplate
    void favoritesAndRecentTargetsAreKeptPerAgent(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            TeamCommunicator team = TeamCommunicator.getInstanceFor(alicePhone.connection());
            var doraJid = JidCreate.from("agent4@localhost");
            var sales = JidCreate.from("sales@consult.localhost");

            assertThat(team.addFavorite(doraJid)).containsExactly(doraJid);
            assertThat(team.addFavorite(sales)).containsExactly(doraJid, sales);
            assertThat(byJid(team.search(server.displayName("agent4"), EnumSet.of(DirectoryEntry.Kind.AGENT), false))
                    .get("agent4@localhost").isFavorite()).isTrue();
            assertThat(team.removeFavorite(sales)).containsExactly(doraJid);
            assertThat(TeamCommunicator.getInstanceFor(doraPhone.connection()).getFavorites()).isEmpty();
            assertThatThrownBy(() -> team.addFavorite(JidCreate.from("nobody@localhost")))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.item_not_found));

            // Consult a group found in the directory, then IM and call: all three are recent targets.
            alice.agents.setReady();
            dora.agents.setReady();
            carol.chat("sales@consult.localhost", "hello");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            Consultation consultation = chat.consult(JidCreate.from("supervisors@consult.localhost"));
            ConsultationOfferExtension request = dora.next(dora.requests);
            dora.agents.accept(request, "Agent 4");
            AgentDesk.waitFor(() -> consultation.getTarget() != null);
            consultation.im("ping");
            consultation.call();
            List<TeamCommunicator.RecentTarget> recent = team.getRecent();
            assertThat(recent).extracting(r -> r.getJid().toString() + " " + r.getHow())
                    .containsExactly("agent4@localhost call", "supervisors@consult.localhost consultation");
        }
    }

    @TestTemplate
    void conferenceAndTransferThroughTheSdk(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentManager doraAgents = AgentManager.getInstanceFor(doraPhone.connection());
            java.util.concurrent.BlockingQueue<HandoverOfferExtension> invitations =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            doraAgents.addOfferListener(new org.chatconsult.sdk.OfferListener() {
                @Override
                public void offerReceived(org.chatconsult.sdk.packet.OfferExtension offer) {
                }

                @Override
                public void handoverOfferReceived(HandoverOfferExtension offer) {
                    invitations.add(offer);
                }
            });
            alice.agents.setReady();
            doraAgents.setReady();
            carol.chat("sales@consult.localhost", "hello");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            chat.conference(JidCreate.from("agent4@localhost"));
            HandoverOfferExtension invitation = invitations.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(invitation.getKind()).isEqualTo("conference");
            assertThat(invitation.getPreview().getLines()).extracting(l -> l.getText()).containsExactly("hello");
            Interaction doraChat = doraAgents.accept(invitation, "Agent 4");
            carol.awaitBody(server.displayName("agent4") + " has joined the chat.");
            assertThat(doraChat.getParticipants()).hasSize(4);
            doraChat.send("Supervisor here.");
            carol.awaitBody(server.displayName("agent4") + ": Supervisor here.");
            chat.markDone("resolved", "handled with the supervisor");
            carol.awaitElement("ended");
            AgentDesk.waitFor(doraChat::isEnded);
        }
    }
}
