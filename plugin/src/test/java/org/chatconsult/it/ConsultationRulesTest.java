package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chatconsult.sdk.CallManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.ConsultationListener;
import org.chatconsult.sdk.DirectoryEntry;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TeamCommunicator;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.ContextExtension;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.TestTemplate;

/**
 * The two lessons of the consultation workflow (Genesys Workspace's chat consultation), step by step, written against
 * the SDK's public API only (the contact is any XMPP client). Each step's comment is the lesson's own words.
 */
@OnBothServers
class ConsultationRulesTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    /** Events of one consultation, as its listener hears them. */
    static final class Events implements ConsultationListener {
        final BlockingQueue<String> accepted = new LinkedBlockingQueue<>();
        final BlockingQueue<String> ended = new LinkedBlockingQueue<>();
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<TranscriptLine> lines = new LinkedBlockingQueue<>();

        @Override
        public void accepted(Consultation consultation, String target) {
            accepted.add(target);
        }

        @Override
        public void ended(Consultation consultation, String reason) {
            ended.add(reason);
        }

        @Override
        public void messageReceived(Consultation consultation, Message message) {
            messages.add(message);
        }

        @Override
        public void lineMirrored(Consultation consultation, TranscriptLine line) {
            lines.add(line);
        }
    }

    /** Prerequisite of both lessons: the initiator has an active chat with a contact. */
    private static Interaction activeChat(TestServer server, AgentDesk desk, Party contact) throws Exception {
        desk.agents.setReady();
        contact.chat("sales@consult.localhost", "Hi, my parcel is late");
        Interaction chat = desk.agents.accept(desk.next(desk.chats), "Agent 1");
        contact.awaitBody(server.displayName("agent1") + " has joined the chat.");
        contact.chat("sales@consult.localhost", "Order 4711");
        AgentDesk.waitFor(() -> chat.getMessages().stream().anyMatch(m -> "Order 4711".equals(m.getBody())));
        return chat;
    }

    @TestTemplate
    void lessonStartingAChatConsultation(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            dora.agents.setReady();
            // Prerequisites: logged in, with an active Chat interaction with a contact.
            Interaction chat = activeChat(server, alice, carol);

            // Click Start Consultation and use the Team Communicator to find the internal target.
            List<DirectoryEntry> found = TeamCommunicator.getInstanceFor(alicePhone.connection())
                    .search(server.displayName("agent4"), EnumSet.of(DirectoryEntry.Kind.AGENT), true);
            assertThat(found).hasSize(1);
            DirectoryEntry target = found.get(0);
            assertThat(target.getName()).isEqualTo(server.displayName("agent4"));
            assertThat(target.isReady()).isTrue();

            // Select Start Chat Consultation: an interaction notification is displayed on the target's desktop.
            Consultation consultation = chat.consult(target.getJid());
            Events events = new Events();
            consultation.addListener(events);
            ConsultationOfferExtension notification = dora.next(dora.requests);
            assertThat(notification.getConsultation()).isEqualTo(consultation.getId());

            // When the target accepts, chat with them without the contact reading the messages.
            Consultation doraSide = dora.agents.accept(notification, "Agent 4");
            Events doraEvents = new Events();
            doraSide.addListener(doraEvents);
            assertThat(events.accepted.poll(10, TimeUnit.SECONDS)).isEqualTo("agent4@localhost");
            consultation.send("Can we refund after 30 days?");
            awaitBody(doraEvents.messages, "Can we refund after 30 days?");
            // The consultation is shown below the contact chat: it knows its chat.
            assertThat(consultation.getInteraction()).isSameAs(chat);
            assertThat(chat.getConsultations()).containsExactly(consultation);

            // IM the internal target.
            consultation.im("Sorry to bother you");
            Message im = doraPhone.awaitBody("Sorry to bother you");
            assertThat(im.getExtension(ContextExtension.class).getConsultation()).isEqualTo(consultation.getId());

            // Call the internal target.
            BlockingQueue<CallManager.IncomingCall> rings = new LinkedBlockingQueue<>();
            CallManager.getInstanceFor(doraPhone.connection()).addCallListener(new CallManager.CallListener() {
                @Override
                public void proposed(CallManager.IncomingCall call) {
                    rings.add(call);
                }
            });
            BlockingQueue<Boolean> answers = new LinkedBlockingQueue<>();
            CallManager.getInstanceFor(alicePhone.connection()).addCallListener(new CallManager.CallListener() {
                @Override
                public void answered(String callId, org.jxmpp.jid.Jid callee, boolean accepted) {
                    answers.add(accepted);
                }
            });
            CallManager.Call call = consultation.call();
            CallManager.IncomingCall ring = rings.poll(10, TimeUnit.SECONDS);
            assertThat(ring.getId()).isEqualTo(call.getId());
            assertThat(ring.getMedia()).isEqualTo("audio");
            ring.accept();
            assertThat(answers.poll(10, TimeUnit.SECONDS)).isTrue();

            // End the consultation, and Mark Done.
            consultation.end();
            assertThat(events.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("ended-by-initiator");
            assertThat(doraEvents.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("ended-by-initiator");
            consultation.markDone("resolved", "Refund approved");

            // The contact never saw any of it, and the chat goes on.
            assertThat(carol.received()).noneMatch(s -> s.toXML().toString().contains("refund after 30")
                    || s.toXML().toString().contains(consultation.getId()));
            chat.send("I can refund you.");
            carol.awaitBody("I can refund you.");
        }
    }

    @TestTemplate
    void lessonReceivingAChatConsultation(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            Interaction chat = activeChat(server, alice, carol);
            // Prerequisites: logged in, and Ready for the chat media channel.
            dora.agents.setReady();
            AgentDesk.waitFor(() -> dora.agents.getState() != null && "ready".equals(dora.agents.getState().getReadiness()));

            // Another agent initiates a chat consultation: the Interaction Preview notifies you.
            Consultation aliceSide = chat.consult(org.jxmpp.jid.impl.JidCreate.from("agent4@localhost"));
            Events aliceEvents = new Events();
            aliceSide.addListener(aliceEvents);
            ConsultationOfferExtension preview = dora.next(dora.requests);
            assertThat(preview.getInitiatorName()).isEqualTo(server.displayName("agent1"));
            assertThat(preview.getPreview().getContactName()).isEqualTo("contact1");
            assertThat(preview.getPreview().getRoutingPointName()).isEqualTo("Sales");
            assertThat(preview.getPreview().getLines()).extracting(TranscriptLine::getText)
                    .containsExactly("Hi, my parcel is late", "Order 4711");

            // Click Accept to connect to the chat interaction.
            Consultation consultation = dora.agents.accept(preview, "Agent 4");
            Events events = new Events();
            consultation.addListener(events);

            // View the transcript of the chat between the contact and the agent who initiated the consultation.
            AgentDesk.waitFor(() -> consultation.getTranscript().size() == 2);
            assertThat(consultation.getTranscript()).extracting(TranscriptLine::getText)
                    .containsExactly("Hi, my parcel is late", "Order 4711");
            assertThat(consultation.getTranscript()).extracting(TranscriptLine::getSeq).containsExactly(1L, 2L);
            carol.chat("sales@consult.localhost", "Are you still there?");
            TranscriptLine live;
            do {
                live = events.lines.poll(10, TimeUnit.SECONDS);
                assertThat(live).as("the live line").isNotNull();
            } while (live.getSeq() < 3);
            assertThat(live.getText()).isEqualTo("Are you still there?");
            assertThat(live.getRole()).isEqualTo("contact");
            assertThat(live.getSeq()).isEqualTo(3);

            // Send messages to, and receive messages from, the agent who initiated the consultation.
            consultation.send("Yes, refunds after 30 days need a manager.");
            awaitBody(aliceEvents.messages, "Yes, refunds after 30 days need a manager.");
            aliceSide.send("Thanks, I will ask one.");
            awaitBody(events.messages, "Thanks, I will ask one.");

            // Call the agent who initiated the consultation.
            BlockingQueue<CallManager.IncomingCall> rings = new LinkedBlockingQueue<>();
            CallManager.getInstanceFor(alicePhone.connection()).addCallListener(new CallManager.CallListener() {
                @Override
                public void proposed(CallManager.IncomingCall call) {
                    rings.add(call);
                }
            });
            CallManager.Call call = consultation.call();
            CallManager.IncomingCall ring = rings.poll(10, TimeUnit.SECONDS);
            assertThat(ring.getCaller().asBareJid().toString()).isEqualTo("agent4@localhost");
            ring.reject();
            call.retract();

            // End the consultation, and Mark Done.
            consultation.end();
            assertThat(aliceEvents.ended.poll(10, TimeUnit.SECONDS)).isEqualTo("ended-by-target");
            consultation.markDone("advised", "Manager approval needed");
            assertThat(carol.received()).noneMatch(s -> s.toXML().toString().contains("need a manager"));
        }
    }

    /** Waits for a message with this body; a room also reflects the member's own messages back to it. */
    static void awaitBody(BlockingQueue<Message> messages, String body) throws InterruptedException {
        Message message;
        do {
            message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message saying " + body).isNotNull();
        } while (!body.equals(message.getBody()));
    }
}
