package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.chatconsult.sdk.Interaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** An agent desktop written only against the SDK's public API, on a real server. */
@OnBothServers
class SdkAgentTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void agentGoesReadyAcceptsAChatAndEndsIt(TestServer server) throws Exception {
        try (Party desk = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentManager agent = AgentManager.getInstanceFor(desk.connection());
            BlockingQueue<AgentStateExtension> states = new LinkedBlockingQueue<>();
            BlockingQueue<OfferExtension> offers = new LinkedBlockingQueue<>();
            agent.addAgentStateListener(states::add);
            agent.addOfferListener(offers::add);

            agent.setReady(2);
            // agent1's roster may hold the service from an earlier test, so its login presence may have made it
            // Ready with the default capacity first: wait for the state that answers this request.
            AgentStateExtension ready = states.poll(10, TimeUnit.SECONDS);
            while (ready != null && !Integer.valueOf(2).equals(ready.getCapacity())) {
                ready = states.poll(10, TimeUnit.SECONDS);
            }
            assertThat(ready).extracting("readiness", "capacity", "load").containsExactly("ready", 2, 0);

            contact.chat("sales@consult.localhost", "Where is my parcel?");
            OfferExtension offer = offers.poll(10, TimeUnit.SECONDS);
            assertThat(offer.getPreview()).isEqualTo("Where is my parcel?");
            assertThat(offer.getContact().toString()).isEqualTo("contact1@localhost");
            assertThat(offer.getRoutingPointName()).isEqualTo("Sales");
            assertThat(offer.getExpires()).isAfter(offer.getStarted());

            Interaction chat = agent.accept(offer, "Agent 1");
            chat.send("Let me check.");
            contact.chat("sales@consult.localhost", "Thanks");
            Await.until(Duration.ofSeconds(10), "the agent's chat has the contact's \"Thanks\"",
                    () -> chat.getMessages().stream().anyMatch(m -> "Thanks".equals(m.getBody())));
            assertThat(chat.getParticipants()).hasSize(3);
            contact.awaitBody(server.displayName("agent1") + ": Let me check.");

            agent.setNotReady("lunch");
            // The service also says each change of load (the offer, the accept): the Not Ready one comes after them.
            AgentStateExtension notReady = states.poll(10, TimeUnit.SECONDS);
            while (notReady != null && !"not-ready".equals(notReady.getReadiness())) {
                notReady = states.poll(10, TimeUnit.SECONDS);
            }
            assertThat(notReady).extracting("readiness", "load").containsExactly("not-ready", 1);

            agent.endInteraction(offer.getInteraction());
            contact.awaitElement("ended");
            assertThatThrownBy(() -> agent.endInteraction(offer.getInteraction()))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError()
                            .getCondition()).isEqualTo(StanzaError.Condition.conflict));
        }
    }

    @TestTemplate
    void agentDeclinesAndHearsTheRevocation(TestServer server) throws Exception {
        try (Party desk = server.connect("agent1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentManager agent = AgentManager.getInstanceFor(desk.connection());
            BlockingQueue<Object> events = new LinkedBlockingQueue<>();
            agent.addOfferListener(new OfferListener() {
                @Override
                public void offerReceived(OfferExtension offer) {
                    events.add(offer);
                }

                @Override
                public void offerRevoked(RevokedExtension revoked) {
                    events.add(revoked);
                }
            });
            agent.setReady();
            contact.chat("sales@consult.localhost", "hello");
            OfferExtension offer = (OfferExtension) events.poll(10, TimeUnit.SECONDS);
            agent.decline(offer, "busy");
            RevokedExtension revoked = (RevokedExtension) events.poll(10, TimeUnit.SECONDS);
            assertThat(revoked.getOffer()).isEqualTo(offer.getId());
            assertThat(revoked.getReason()).isEqualTo("declined");
            contact.awaitMessage(m -> m.getType() == Message.Type.chat && m.getBody().contains("number 1 in line"));
        }
    }
}
