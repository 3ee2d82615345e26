package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.chatconsult.store.Databases;
import org.chatconsult.store.JdbcStore;
import org.chatconsult.store.Store;
import org.chatconsult.standalone.ExternalComponentConnection;
import org.chatconsult.standalone.LocalProsody;
import org.chatconsult.xmpp.ConsultComponent;
import org.chatconsult.xmpp.ServiceConfig;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The service stops in the middle of a chat and of a consultation and comes back on the same store: no line is
 * lost or doubled, the target's mirror resumes in sequence, and the chat goes on.
 */
@ExtendWith(TestServer.class)
class RestartTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @Test
    void aKilledServiceComesBackWithEveryLine(TestServer server) throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-kill");
        String storeUrl = Databases.embeddedUrl(dir.toString());
        Path config = ServiceProcess.config(server.prosody(), dir, storeUrl);
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connect("contact3")) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            LinkedBlockingQueue<MultiUserChat> invitations = new LinkedBlockingQueue<>();
            MultiUserChatManager.getInstanceFor(carol.connection()).addInvitationListener(
                    (conn, room, inviter, reason, password, message, invitation) -> invitations.add(room));

            ServiceProcess service = ServiceProcess.start(config);
            alice.agents.setReady();
            dora.agents.setReady();
            carol.chat("sales@consult.localhost", "contact line 1");
            MultiUserChat carolRoom = invitations.poll(10, TimeUnit.SECONDS);
            assertThat(carolRoom).as("invitation to the contact").isNotNull();
            carolRoom.join(Resourcepart.from("contact3"));
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            for (int i = 2; i <= 4; i++) {
                carolRoom.sendMessage("contact line " + i);
            }
            chat.send("agent line 1");
            AgentDesk.waitFor(() -> bodies(chat).contains("contact line 4"));
            Consultation consultation = chat.consult(JidCreate.from("agent4@localhost"));
            Consultation doraSide = dora.agents.accept(dora.next(dora.requests), "Agent 4");
            AgentDesk.waitFor(() -> texts(doraSide).contains("agent line 1"));
            doraSide.send("consult line 1");
            AgentDesk.waitFor(() -> consultation.getMessages().stream()
                    .anyMatch(m -> "consult line 1".equals(m.getBody())));

            // SIGKILL mid-chat and mid-consultation; the people go on talking while the service is away.
            service.kill();
            for (int i = 5; i <= 7; i++) {
                carolRoom.sendMessage("contact line " + i);
            }
            chat.send("agent line 2");
            doraSide.send("consult line 2");
            AgentDesk.waitFor(() -> bodies(chat).contains("contact line 7") && bodies(chat).contains("agent line 2"));

            service = ServiceProcess.start(config);
            List<TranscriptLine> mirrored;
            try {
                // What was said while it was away reaches the target through the mirror, in sequence.
                waitLong(() -> texts(doraSide).containsAll(List.of("contact line 7", "agent line 2")));
                for (int i = 8; i <= 10; i++) {
                    carolRoom.sendMessage("contact line " + i);
                }
                waitLong(() -> texts(doraSide).contains("contact line 10"));
                doraPhone.barrier(); // any late duplicate has arrived by now
                mirrored = doraSide.getTranscript();
                assertThat(mirrored).extracting(TranscriptLine::getSeq).containsExactlyElementsOf(
                        IntStream.rangeClosed(1, mirrored.size()).mapToObj(Long::valueOf).toList());
                // The contact's first line came 1:1 and was put into the room by the service ("... wrote: ...").
                assertThat(mirrored).extracting(TranscriptLine::getText).filteredOn(t -> t.contains("contact line"))
                        .map(RestartTest::contactLine).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(i -> "contact line " + i).toList());

                // The restored chat still works: the consultation ends by its member's request.
                consultation.end();
            } finally {
                service.stop();
            }

            try (JdbcStore store = Databases.open(storeUrl, "SA", "")) {
                List<Store.Message> lines = store.messages(chat.getId());
                List<String> contactRoom = lines.stream().filter(m -> m.roomId().equals(chat.getId()))
                        .map(Store.Message::body).toList();
                List<String> consultRoom = lines.stream().filter(m -> m.roomId().equals(consultation.getId()))
                        .map(Store.Message::body).toList();
                assertThat(contactRoom).filteredOn(b -> b.contains("contact line")).map(RestartTest::contactLine)
                        .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 10).mapToObj(i -> "contact line " + i).toList());
                assertThat(contactRoom).filteredOn(b -> b.startsWith("agent line"))
                        .containsExactly("agent line 1", "agent line 2");
                assertThat(consultRoom).containsExactly("consult line 1", "consult line 2");
                assertThat(store.events(chat.getId())).extracting(Store.Event::kind)
                        .contains("created", "offered", "accepted", "consultation-requested", "consultation-accepted",
                                "consultation-ended");
                System.out.printf("restart after SIGKILL: lines sent 14 (10 contact, 2 agent, 2 consultation), "
                        + "stored %d, lost %d, mirrored to the target %d (no gap, no duplicate)%n",
                        contactRoom.stream().filter(b -> b.contains(" line ")).count() + consultRoom.size(),
                        14 - contactRoom.stream().filter(b -> b.contains(" line ")).count() - consultRoom.size(),
                        mirrored.size());
            }
        }
    }

    /**
     * The contact leaves her room while the service is down: nobody tells the service, so once it is back in the
     * room it finds her gone and ends the chat (after the grace a dropped session gets), as if it had seen her go.
     */
    @Test
    void aContactWhoLeftWhileTheServiceWasAwayEndsHerChatOnceItIsBack(TestServer server) throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-left-unseen");
        Path config = ServiceProcess.config(server.prosody(), dir, Databases.embeddedUrl(dir.toString()));
        try (Party alice = server.connect("agent1"); Party carol = server.connect("contact3")) {
            ServiceProcess service = ServiceProcess.start(config);
            try {
                alice.ready(1);
                int aliceMark = alice.mark();
                int carolMark = carol.mark();
                carol.chat("sales@consult.localhost", "hello, then gone");
                String room = Party.attr(alice.awaitSince(aliceMark, s -> s.hasExtension("offer", Party.NS),
                        Party.WAIT), "offer", "room");
                carol.awaitSince(carolMark, s -> s instanceof Message && MUCUser.from(s) != null
                        && MUCUser.from(s).getInvite() != null, Party.WAIT);
                MultiUserChat carolRoom = carol.join(room, "carol");
                alice.join(room, "alice");

                service.kill();
                carolRoom.leave();
                service = ServiceProcess.start(config);
                long back = System.nanoTime();
                alice.awaitSince(aliceMark, s -> s instanceof Presence && MUCUser.from(s) != null
                        && MUCUser.from(s).getDestroy() != null, Duration.ofSeconds(45));
                System.out.printf("left unseen: the chat ended %d ms after the service was back%n",
                        (System.nanoTime() - back) / 1_000_000);
            } finally {
                service.stop();
            }
        }
    }

    /**
     * A stop the operator asks for (a plugin reload, a service restart): the service leaves its rooms and the
     * next start takes up the chat, with an offer that was open at the stop still good to accept.
     */
    @Test
    void aStoppedServiceKeepsTheChatAndTheOpenOffer(TestServer server) throws Exception {
        String storeUrl = Databases.embeddedUrl(Files.createTempDirectory("chatconsult-stop").toString());
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact4")) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            TestServer.Service first = server.service(TestServer.settings(LONG, LONG, 3), Duration.ofSeconds(30),
                    storeUrl);
            alice.agents.setReady();
            dora.agents.setReady();
            carol.chat("sales@consult.localhost", "line 1");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            carol.chat("sales@consult.localhost", "line 2");
            AgentDesk.waitFor(() -> bodies(chat).contains("line 2"));
            chat.consult(JidCreate.from("agent4@localhost"));
            var offer = dora.next(dora.requests);

            first.close();
            chat.send("said while the service was stopped");

            try (TestServer.Service second = server.service(TestServer.settings(LONG, LONG, 3),
                    Duration.ofSeconds(30), storeUrl)) {
                Consultation doraSide = dora.agents.accept(offer, "Agent 4");
                waitLong(() -> texts(doraSide).contains("said while the service was stopped"));
                carol.chat("sales@consult.localhost", "line 3");
                waitLong(() -> bodies(chat).contains("line 3") && texts(doraSide).contains("line 3"));
                doraPhone.barrier(); // any late duplicate has arrived by now
                assertThat(texts(doraSide)).containsExactly("line 1", "line 2", "said while the service was stopped",
                        "line 3");
                assertThat(doraSide.getTranscript()).extracting(TranscriptLine::getSeq).containsExactly(1L, 2L, 3L, 4L);
            }
        }
    }

    /**
     * The XMPP server restarts under a running service: everyone's session ended with it, so the service
     * re-takes each room (Prosody keeps live rooms across its own restart; a server that lost one gets it made
     * anew), invites the agents back, and the bridged contact's chat goes on.
     */
    @Test
    void afterTheServerRestartsThePeopleAreInvitedBack() throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-server-restart");
        try (LocalProsody prosody = LocalProsody.start(dir, TestServer.DOMAIN, 0, 0, TestServer.SUBDOMAIN, "secret",
                java.util.Map.of("agent1", "agent1", "agent4", "agent4", "contact1", "contact1"));
                ExternalComponentConnection connection = serviceOn(prosody, dir)) {
            Party alice = Party.connect(prosody, "agent1", true);
            Party carol = Party.connect(prosody, "contact1", false);
            alice.ready();
            carol.chat("sales@consult.localhost", "before the restart");
            String room = Party.attr(alice.awaitElement("offer"), "offer", "room");
            alice.join(room, "Agent 1");
            carol.awaitBody("Agent 1 has joined the chat.");

            alice.close();
            carol.close();
            prosody.stop();
            prosody.start();
            RestartTest.waitLong(connection::isConnected);
            alice = Party.connect(prosody, "agent1", true);
            carol = Party.connect(prosody, "contact1", false);
            try {
                Message invitation = alice.awaitStanza(s -> s instanceof Message
                        && ((Message) s).getExtensionElement("x", "http://jabber.org/protocol/muc#user") != null
                        && room.equals(((Message) s).getFrom().asBareJid().toString()), Duration.ofSeconds(30))
                        instanceof Message m ? m : null;
                assertThat(invitation).as("invitation back into the chat's new room").isNotNull();
                MultiUserChat again = alice.join(room, "Agent 1");
                carol.chat("sales@consult.localhost", "after the restart");
                alice.awaitMessage(m -> m.getType() == Message.Type.groupchat
                        && "after the restart".equals(m.getBody()));
                again.sendMessage("still here");
                carol.awaitBody("Agent 1: still here");
                eachLineOnce("bridged contact", alice, "after the restart", carol, "still here");
            } finally {
                alice.close();
                carol.close();
            }
        }
    }

    /**
     * The drill with a plain 1:1 contact (no group chat): the service is killed (SIGKILL) and started again in the
     * middle of her chat. Her lines during the outage bounce (her server tells her); the agent's line said
     * meanwhile reaches her once the service is back, exactly once; she is told once to send again what bounced;
     * and lines go both ways at once. Every line is counted.
     */
    @Test
    void aPlainContactsChatCarriesLinesBothWaysAfterAKill(TestServer server) throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-kill-plain");
        Path config = ServiceProcess.config(server.prosody(), dir, Databases.embeddedUrl(dir.toString()));
        try (Party alice = server.connect("agent2");
                Party carol = server.connectPlain("contact4")) {
            ServiceProcess service = ServiceProcess.start(config);
            try {
                String interaction = ConsultationTest.activeChatAs(alice, "Agent 2", carol, "hello");
                carol.chat("sales@consult.localhost", "line 1 from carol");
                alice.awaitMessage(m -> m.getType() == Message.Type.groupchat && "line 1 from carol".equals(m.getBody()));
                MultiUserChat room = MultiUserChatManager.getInstanceFor(alice.connection())
                        .getMultiUserChat(Party.room(Party.attr(alice.awaitElement("offer"), "offer", "room")));
                room.sendMessage("line 1 from alice");
                carol.awaitBody("line 1 from alice");

                service.kill();
                carol.chat("sales@consult.localhost", "said while it was away");
                Message bounced = carol.awaitMessage(m -> m.getType() == Message.Type.error);
                room.sendMessage("line 2 from alice, while it was away");

                service = ServiceProcess.start(config);
                carol.awaitBody("line 2 from alice, while it was away");
                carol.awaitBody("unavailable for a moment");
                carol.chat("sales@consult.localhost", "line 2 from carol");
                alice.awaitMessage(m -> m.getType() == Message.Type.groupchat && "line 2 from carol".equals(m.getBody()));
                room.sendMessage("line 3 from alice");
                carol.awaitBody("line 3 from alice");
                carol.barrier(); // any duplicate has arrived by now, at either side
                alice.barrier();

                Map<String, Long> atCarol = count(carol, "from alice");
                Map<String, Long> atAlice = count(alice, "from carol");
                System.out.printf("kill drill, plain contact (chat %s): carol sent 3 (1 bounced: %s), alice got %s;"
                        + " alice sent 3, carol got %s; outage notices %d%n", interaction,
                        bounced.getError().getCondition(), atAlice, atCarol, count(carol, "unavailable for a moment")
                                .values().stream().mapToLong(Long::longValue).sum());
                assertThat(atCarol).containsOnly(Map.entry("Agent 2: line 1 from alice", 1L),
                        Map.entry("Agent 2: line 2 from alice, while it was away", 1L),
                        Map.entry("Agent 2: line 3 from alice", 1L));
                assertThat(atAlice).containsOnly(Map.entry("line 1 from carol", 1L), Map.entry("line 2 from carol", 1L));
                assertThat(count(carol, "unavailable for a moment")).hasSize(1).containsValue(1L);
            } finally {
                service.close();
            }
        }
    }

    /** How often each body containing {@code fragment} reached {@code party}, live lines only (not room history). */
    private static Map<String, Long> count(Party party, String fragment) {
        return party.received().stream().filter(s -> s instanceof Message && ((Message) s).getBody() != null
                && ((Message) s).getBody().contains(fragment) && ((Message) s).getExtensionElement("delay",
                "urn:xmpp:delay") == null)
                .map(s -> ((Message) s).getBody())
                .collect(java.util.stream.Collectors.groupingBy(b -> b, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    /**
     * The server restarts while everyone stays connected, the contact on a client that joins rooms: the rooms'
     * shutdown presences (and every session ending with the server) are an outage, not a departure. The chat
     * is not ended; once the server is back the service re-takes the room, invites both back, and the chat
     * goes on both ways.
     */
    @Test
    void aServerRestartIsAnOutageNotADeparture() throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-server-outage");
        try (LocalProsody prosody = LocalProsody.start(dir, TestServer.DOMAIN, 0, 0, TestServer.SUBDOMAIN, "secret",
                java.util.Map.of("agent1", "agent1", "contact1", "contact1"));
                ExternalComponentConnection connection = serviceOn(prosody, dir)) {
            Party alice = Party.connect(prosody, "agent1", true);
            Party carol = Party.connect(prosody, "contact1", true);
            java.util.concurrent.LinkedBlockingQueue<org.jivesoftware.smackx.muc.MultiUserChat> invited =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            org.jivesoftware.smackx.muc.MultiUserChatManager.getInstanceFor(carol.connection()).addInvitationListener(
                    (conn, muc, inviter, reason, password, message, invitation) -> invited.add(muc));
            alice.ready();
            carol.chat("sales@consult.localhost", "before the restart");
            String room = Party.attr(alice.awaitElement("offer"), "offer", "room");
            alice.join(room, "Agent 1");
            invited.poll(10, java.util.concurrent.TimeUnit.SECONDS).join(org.jxmpp.jid.parts.Resourcepart.from("carol"));

            prosody.stop(); // everyone still connected: their sessions end with the server
            alice.close();
            carol.close();
            prosody.start();
            RestartTest.waitLong(connection::isConnected);
            alice = Party.connect(prosody, "agent1", true);
            carol = Party.connect(prosody, "contact1", true);
            try {
                // Looked for among everything received since login: an invitation sent while a party was away
                // arrives (from the server's offline store) as the session starts, before any listener could.
                java.util.function.Predicate<org.jivesoftware.smack.packet.Stanza> invitation = s ->
                        s instanceof Message && ((Message) s).getExtensionElement("x",
                                "http://jabber.org/protocol/muc#user") != null
                        && room.equals(s.getFrom().asBareJid().toString());
                alice.awaitStanza(invitation, Duration.ofSeconds(30));
                MultiUserChat aliceRoom = alice.join(room, "Agent 1");
                assertThat(carol.receives(invitation, Duration.ofSeconds(30)))
                        .as("the contact invited back into her chat").isTrue();
                MultiUserChat carolRoom = carol.join(room, "carol");
                carolRoom.sendMessage("after the restart");
                alice.awaitMessage(m -> m.getType() == Message.Type.groupchat && "after the restart".equals(m.getBody()));
                aliceRoom.sendMessage("glad you are back");
                carol.awaitMessage(m -> m.getType() == Message.Type.groupchat
                        && "glad you are back".equals(m.getBody()));
                assertThat(carol.received()).noneMatch(s -> s instanceof Message && ((Message) s).getBody() != null
                        && ((Message) s).getBody().contains("chat has ended"));
                eachLineOnce("contact in the room", alice, "after the restart", carol, "glad you are back");
            } finally {
                alice.close();
                carol.close();
            }
        }
    }

    /** The service as an external component of a private Prosody of the test's own, with its store in {@code dir}. */
    private static ExternalComponentConnection serviceOn(LocalProsody prosody, Path dir) throws Exception {
        ExternalComponentConnection connection = new ExternalComponentConnection("127.0.0.1", prosody.componentPort(),
                TestServer.DOMAIN, "secret");
        connection.addComponent(TestServer.SUBDOMAIN, new ConsultComponent(new ServiceConfig(TestServer.SERVICE,
                prosody.mucService(), TestServer.settings(LONG, LONG, 3), TestServer.directory(), null,
                Databases.open(Databases.embeddedUrl(dir.resolve("store").toString()), "SA", ""), null)));
        assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
        return connection;
    }

    /** After a server restart drill: the line each side said since reached the other exactly once. */
    private static void eachLineOnce(String drill, Party agent, String agentGot, Party contact, String contactGot)
            throws Exception {
        agent.barrier(); // any late duplicate has arrived by now, at either side
        contact.barrier();
        long atAgent = bodiesEnding(agent, agentGot);
        long atContact = bodiesEnding(contact, contactGot);
        assertThat(List.of(atAgent, atContact)).as("each line received exactly once").containsOnly(1L);
        System.out.printf("server restart drill, %s: lines sent after the restart 2 (1 each way), received %d "
                + "(by the agent %d, by the contact %d), lost 0, duplicated 0%n", drill, atAgent + atContact, atAgent,
                atContact);
    }

    /** How many messages the party received since it connected whose body ends with {@code text}. */
    private static long bodiesEnding(Party party, String text) {
        return party.received().stream().filter(s -> s instanceof Message && ((Message) s).getBody() != null
                && ((Message) s).getBody().endsWith(text)).count();
    }

    private static String contactLine(String text) {
        return text.substring(text.indexOf("contact line"));
    }

    private static List<String> bodies(Interaction chat) {
        return chat.getMessages().stream().map(Message::getBody).toList();
    }

    private static List<String> texts(Consultation consultation) {
        return consultation.getTranscript().stream().map(TranscriptLine::getText).toList();
    }

    static void waitLong(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), "condition met", condition::getAsBoolean);
    }
}
