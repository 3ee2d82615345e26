package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.CallManager;
import org.chatconsult.sdk.DirectoryEntry;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.InteractionListener;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.TeamCommunicator;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The rest of the SDK's calls on a real server: IM from the directory, call retraction, log out, transfer. */
@OnBothServers
class SdkActionsTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void imACallRetractedAndLoggingOut(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentManager alice = AgentManager.getInstanceFor(alicePhone.connection());
            TeamCommunicator team = TeamCommunicator.getInstanceFor(alicePhone.connection());
            alice.setReady();
            AgentManager dora = AgentManager.getInstanceFor(doraPhone.connection());
            dora.setReady();
            AgentDesk.waitFor(() -> dora.getState() != null && alice.getState() != null);

            DirectoryEntry found = team.search(server.displayName("agent4"), EnumSet.of(DirectoryEntry.Kind.AGENT), false)
                    .get(0);
            team.im(found.getJid(), "Coffee later?");
            assertThat(doraPhone.awaitBody("Coffee later?").getType()).isEqualTo(Message.Type.chat);

            BlockingQueue<String> retracted = new LinkedBlockingQueue<>();
            CallManager.getInstanceFor(doraPhone.connection()).addCallListener(new CallManager.CallListener() {
                @Override
                public void retracted(String callId, Jid caller) {
                    retracted.add(callId);
                }
            });
            CallManager.Call call = CallManager.getInstanceFor(alicePhone.connection())
                    .propose(JidCreate.from(doraPhone.connection().getUser()), "video");
            call.retract();
            assertThat(retracted.poll(10, TimeUnit.SECONDS)).isEqualTo(call.getId());

            dora.logOut();
            AgentDesk.waitFor(() -> {
                try {
                    return team.search(server.displayName("agent4"), EnumSet.of(DirectoryEntry.Kind.AGENT), false)
                            .get(0)
                            .getReadiness().equals("logged-out");
                } catch (Exception e) {
                    return false;
                }
            });
            dora.setNotReady("training");
            AgentDesk.waitFor(() -> "not-ready".equals(dora.getState().getReadiness()));
        }
    }

    @TestTemplate
    void coldTransferHandsTheChatOverAndTakesTheFormerOwnerOut(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentManager dora = AgentManager.getInstanceFor(doraPhone.connection());
            BlockingQueue<HandoverOfferExtension> transfers = new LinkedBlockingQueue<>();
            dora.addOfferListener(new OfferListener() {
                @Override
                public void offerReceived(OfferExtension offer) {
                }

                @Override
                public void handoverOfferReceived(HandoverOfferExtension offer) {
                    transfers.add(offer);
                }
            });
            alice.agents.setReady();
            dora.setReady();
            carol.chat("sales@consult.localhost", "hello");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            BlockingQueue<String> aliceLeft = new LinkedBlockingQueue<>();
            chat.addListener(new InteractionListener() {
                @Override
                public void messageReceived(Interaction interaction, Message message) {
                }

                @Override
                public void ended(Interaction interaction, String reason) {
                    aliceLeft.add(reason);
                }
            });
            chat.transfer(JidCreate.from("agent4@localhost"), false);
            HandoverOfferExtension offer = transfers.poll(10, TimeUnit.SECONDS);
            assertThat(offer.getKind()).isEqualTo("cold-transfer");
            Interaction doraChat = dora.accept(offer, "Agent 4");
            assertThat(aliceLeft.poll(10, TimeUnit.SECONDS)).isEqualTo("removed from the chat");
            assertThat(alice.agents.getInteractions()).isEmpty();
            doraChat.end();
            carol.awaitElement("ended");
        }
    }
}
