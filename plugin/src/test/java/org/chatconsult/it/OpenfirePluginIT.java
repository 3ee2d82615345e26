package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TranscriptArchive;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The built plugin jar inside a real Openfire 5.1 ({@link OpenfireFixture}): it loads, registers the service
 * inside Openfire, and the service answers there; chats and consultations run on Openfire's own MUC, survive a
 * plugin reload and an Openfire restart.
 */
@Tag("openfire")
class OpenfirePluginIT {
    @BeforeAll
    static void startOpenfire() throws Exception {
        OpenfireFixture.start();
    }

    @AfterAll
    static void stopOpenfire() throws Exception {
        OpenfireFixture.stop();
    }







    @Test
    void pluginLoadsRegistersTheServiceAndItAnswers() throws Exception {
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        try {
            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);
            assertThat(disco.discoverItems(JidCreate.from("localhost")).getItems())
                    .extracting(item -> item.getEntityID().toString()).contains("consult.localhost");
            assertThat(disco.discoverInfo(JidCreate.from("consult.localhost")).containsFeature("urn:chatconsult:0"))
                    .isTrue();

            // Only the default routing point exists: the service itself says so, from inside Openfire.
            var collector = alice.createStanzaCollector(stanza -> stanza instanceof Message
                    && ((Message) stanza).getType() == Message.Type.error);
            alice.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("sales@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("hello").build());
            Message error = collector.nextResult(10_000);
            collector.cancel();
            assertThat(error).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(error.getError().getDescriptiveText()).isEqualTo("no such routing point");
        } finally {
            alice.disconnect();
        }
    }

    /**
     * A chat and a consultation on Openfire's own MUC service, with agents from an Openfire group that the
     * suite created through Openfire's own admin commands (XEP-0133) while the plugin runs.
     */
    @Test
    void chatAndConsultationRunOnOpenfiresOwnMucWithAgentsFromAnOpenfireGroup() throws Exception {
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        XMPPTCPConnection bob = OpenfireFixture.connect("bob");
        XMPPTCPConnection carol = OpenfireFixture.connectPlain("carol");
        try {
            AgentDesk aliceDesk = new AgentDesk(alice);
            AgentDesk bobDesk = new AgentDesk(bob);
            aliceDesk.agents.setReady();
            AgentDesk.waitFor(() -> aliceDesk.agents.getState() != null);
            var toCarol = new java.util.concurrent.LinkedBlockingQueue<Message>();
            carol.addAsyncStanzaListener(stanza -> toCarol.add((Message) stanza), stanza -> stanza instanceof Message);
            carol.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("support@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("My parcel is late").build());

            OfferExtension offer = aliceDesk.next(aliceDesk.chats);
            assertThat(offer.getRoom().getDomain().toString()).isEqualTo("conference.localhost");
            Interaction chat = aliceDesk.agents.accept(offer, "Alice");
            awaitBody(toCarol, "Alice has joined the chat.");
            chat.send("Hello from Openfire");
            awaitBody(toCarol, "Alice: Hello from Openfire");

            bobDesk.agents.setReady();
            AgentDesk.waitFor(() -> bobDesk.agents.getState() != null);
            Consultation consultation = chat.consult(JidCreate.from("bob@localhost"));
            Consultation bobSide = bobDesk.agents.accept(bobDesk.next(bobDesk.requests), "Bob");
            AgentDesk.waitFor(() -> bobSide.getTranscript().size() >= 2);
            assertThat(bobSide.getTranscript().get(0).getText()).isEqualTo("My parcel is late");
            consultation.send("Is this one for billing?");
            AgentDesk.waitFor(() -> bobSide.getMessages().stream()
                    .anyMatch(m -> "Is this one for billing?".equals(m.getBody())));

            carol.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("support@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("/end").build());
            AgentDesk.waitFor(() -> "interaction-ended".equals(bobSide.getEndReason()));
            AgentDesk.waitFor(chat::isEnded);
            assertThat(toCarol).noneMatch(m -> m.toXML().toString().contains("billing"));

            // The record is in Openfire's own database (tables made by Openfire from the plugin's script).
            assertThat(TranscriptArchive.of(aliceDesk.agents).lines(chat.getId()))
                    .extracting(TranscriptArchive.Line::getText)
                    .contains("My parcel is late", "Hello from Openfire", "Is this one for billing?");
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
        }
    }

    /**
     * The plugin is reloaded (a new jar dropped into plugins/, as an upgrade does) in the middle of a chat and
     * a consultation: the new plugin takes both up from Openfire's database, what was said during the reload
     * is kept, and the target's mirror goes on in sequence.
     */
    @Test
    void aPluginReloadKeepsTheChatAndTheConsultation() throws Exception {
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        XMPPTCPConnection bob = OpenfireFixture.connect("bob");
        XMPPTCPConnection carol = OpenfireFixture.connectPlain("carol");
        try {
            Scene scene = chatWithConsultation(alice, bob, carol, "before the reload");
            Interaction chat = scene.chat();
            Consultation bobSide = scene.bobSide();
            var toCarol = scene.toCarol();

            OpenfireFixture.run("deploy", OpenfireFixture.pluginJar().toString());
            // The old plugin left nothing running: one core thread and one store thread, the new plugin's.
            assertThat(OpenfireFixture.threads("chatconsult-core")).isEqualTo(1);
            assertThat(OpenfireFixture.threads("chatconsult-store")).isEqualTo(1);
            chat.send("said during the reload");
            RestartTest.waitLong(() -> bobSide.getTranscript().stream()
                    .anyMatch(line -> line.getText().equals("said during the reload")));
            sayToSupport(carol, "after the reload");
            RestartTest.waitLong(() -> bobSide.getTranscript().stream()
                    .anyMatch(line -> line.getText().equals("after the reload")));
            assertThat(bobSide.getTranscript()).extracting(line -> line.getText())
                    .containsExactly("before the reload", "said during the reload", "after the reload");
            assertThat(bobSide.getTranscript()).extracting(line -> line.getSeq()).containsExactly(1L, 2L, 3L);
            chat.send("and the chat goes on");
            awaitBody(toCarol, "Alice: and the chat goes on");
            // Openfire takes occupants whose stanzas bounced during the reload for ghosts and removes them a few
            // seconds later; the service's own occupants must still be in their rooms after that.
            Await.quiet(Duration.ofSeconds(5), "Openfire removes ghost occupants on a timer of its own, a few seconds"
                    + " after their stanzas bounced: no request of ours is ordered behind it");
            sayToSupport(carol, "still there?");
            RestartTest.waitLong(() -> bobSide.getTranscript().stream()
                    .anyMatch(line -> line.getText().equals("still there?")));
            chat.end();
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
        }
    }

    /**
     * Openfire itself restarts (gracefully) in the middle of a chat and a consultation: its rooms are gone
     * (they are not persistent), so the plugin makes them anew from its records in Openfire's database, makes
     * the agents members again and invites them back, replays the transcript to the consultation, and the
     * bridged contact's chat goes on.
     */
    @Test
    void afterOpenfireRestartsTheRoomsAreMadeAnewAndThePeopleInvitedBack() throws Exception {
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        XMPPTCPConnection bob = OpenfireFixture.connect("bob");
        XMPPTCPConnection carol = OpenfireFixture.connectPlain("carol");
        String interaction;
        String consultationRoom;
        try {
            Scene scene = chatWithConsultation(alice, bob, carol, "before the restart");
            Interaction chat = scene.chat();
            Consultation bobSide = scene.bobSide();
            interaction = chat.getId();
            consultationRoom = bobSide.getRoom().getRoom().toString();
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
        }

        OpenfireFixture.restart();

        // Invitations sent while they were away are stored by Openfire and arrive at login.
        var invitations = new java.util.concurrent.LinkedBlockingQueue<String>();
        java.util.function.Consumer<XMPPTCPConnection> listen = connection -> MultiUserChatManager
                .getInstanceFor(connection).addInvitationListener((conn, room, inviter, reason, password, message,
                        invitation) -> invitations.add(conn.getUser().asBareJid() + " " + room.getRoom()));
        alice = OpenfireFixture.connect("alice", listen);
        bob = OpenfireFixture.connect("bob", listen);
        carol = OpenfireFixture.connectPlain("carol");
        try {
            var toCarol = new java.util.concurrent.LinkedBlockingQueue<Message>();
            carol.addAsyncStanzaListener(stanza -> toCarol.add((Message) stanza), stanza -> stanza instanceof Message);
            String chatRoom = interaction + "@conference.localhost";
            RestartTest.waitLong(() -> invitations.containsAll(List.of("alice@localhost " + chatRoom,
                    "bob@localhost " + consultationRoom)));
            MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice)
                    .getMultiUserChat(JidCreate.entityBareFrom(chatRoom));
            aliceRoom.join(Resourcepart.from("Alice"));
            MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob)
                    .getMultiUserChat(JidCreate.entityBareFrom(consultationRoom));
            var toBob = new java.util.concurrent.LinkedBlockingQueue<Message>();
            bobRoom.addMessageListener(toBob::add);
            bobRoom.join(Resourcepart.from("Bob"));

            aliceRoom.sendMessage("after the restart");
            awaitBody(toCarol, "Alice: after the restart");
            sayToSupport(carol, "glad you are back");
            awaitBody(aliceRoom, "glad you are back");
            // The consultation room is new: the whole transcript is mirrored into it again, then the new lines.
            RestartTest.waitLong(() -> toBob.stream().anyMatch(m -> m.getBody() != null
                    && m.getBody().endsWith("glad you are back")));
            assertThat(toBob).extracting(Message::getBody).anyMatch(b -> b.endsWith("before the restart"));

            assertThat(TranscriptArchive.of(AgentManager.getInstanceFor(alice)).lines(interaction))
                    .extracting(TranscriptArchive.Line::getText)
                    .containsSubsequence("before the restart", "after the restart", "glad you are back")
                    .doesNotHaveDuplicates();
            AgentManager.getInstanceFor(alice).endInteraction(interaction);
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
        }
    }

    /**
     * Where Openfire's MUC differs from Prosody's, pinned: it invites whom an owner makes a member by itself, so
     * a contact on a MUC client gets exactly one invitation (the service sends none of its own inside Openfire);
     * and it does not pass a XEP-0045 decline on to the service, so an offer declined that way stays open until
     * the agent declines with the service's own request (or the offer times out).
     */
    @Test
    void openfiresWaysWithInvitationsAndDeclinesAreHandled() throws Exception {
        var invitations = new java.util.concurrent.atomic.AtomicInteger();
        XMPPTCPConnection carol = OpenfireFixture.connect("carol", connection -> MultiUserChatManager
                .getInstanceFor(connection).addInvitationListener((conn, room, inviter, reason, password, message,
                        invitation) -> invitations.incrementAndGet()));
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        XMPPTCPConnection bob = OpenfireFixture.connect("bob");
        try {
            AgentDesk aliceDesk = new AgentDesk(alice);
            var revoked = new java.util.concurrent.LinkedBlockingQueue<String>();
            aliceDesk.agents.addOfferListener(new org.chatconsult.sdk.OfferListener() {
                @Override
                public void offerReceived(OfferExtension offer) {
                }

                @Override
                public void offerRevoked(org.chatconsult.sdk.packet.RevokedExtension notice) {
                    revoked.add(notice.getReason());
                }
            });
            aliceDesk.agents.setReady();
            AgentDesk.waitFor(() -> aliceDesk.agents.getState() != null);
            sayToSupport(carol, "hello from a MUC client");
            OfferExtension offer = aliceDesk.next(aliceDesk.chats);
            Await.until(Party.WAIT, "an invitation to the contact", () -> invitations.get() > 0);
            // A second one has arrived by now: the service decided on all it sends before it answers the agent,
            // then the service and the room answer the contact behind what they sent her.
            Party.barrier(alice, true);
            Party.barrier(carol, false, offer.getRoom());
            assertThat(invitations.get()).as("invitations to the contact").isEqualTo(1);

            MultiUserChatManager.getInstanceFor(alice).decline(offer.getRoom(),
                    JidCreate.entityBareFrom("support@consult.localhost"), "busy");
            assertThat(revoked.poll(3, TimeUnit.SECONDS)).as("a MUC decline does not reach the service").isNull();

            AgentDesk bobDesk = new AgentDesk(bob);
            bobDesk.agents.setReady();
            AgentDesk.waitFor(() -> bobDesk.agents.getState() != null);
            aliceDesk.agents.decline(offer, "busy");
            assertThat(revoked.poll(10, TimeUnit.SECONDS)).isEqualTo("declined");
            Interaction chat = bobDesk.agents.accept(bobDesk.next(bobDesk.chats), "Bob");
            chat.end();
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
        }
    }

    /** A chat and its consultation as the restart tests set them up. */
    private record Scene(Interaction chat, Consultation bobSide, java.util.concurrent.BlockingQueue<Message> toCarol) {
    }

    /**
     * A setting changed on Openfire's own System Properties page (not the plugin's) applies at once: the
     * service restarts in place with it, and a disposition code outside the new list is refused.
     */
    @Test
    void aSettingChangedAsAnOpenfireSystemPropertyAppliesAtOnce() throws Exception {
        AdminConsoleClient console = AdminConsoleClient.login();
        long offset = java.nio.file.Files.size(OpenfireFixture.logFile());
        console.setSystemProperty("chatconsult.dispositions", "refund,upsell");
        XMPPTCPConnection alice = null;
        XMPPTCPConnection bob = null;
        XMPPTCPConnection carol = null;
        try {
            awaitSettingsApplied(offset);
            alice = OpenfireFixture.connect("alice");
            bob = OpenfireFixture.connect("bob");
            carol = OpenfireFixture.connectPlain("carol");
            Scene scene = chatWithConsultation(alice, bob, carol, "which codes today?");
            Consultation bobSide = scene.bobSide();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> bobSide.markDone("resolved", null))
                    .isInstanceOf(org.jivesoftware.smack.XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((org.jivesoftware.smack.XMPPException.XMPPErrorException) e)
                            .getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request));
            bobSide.markDone("refund", "told Alice the rule");
            scene.chat().end();
        } finally {
            OpenfireFixture.disconnect(alice, bob, carol);
            long before = java.nio.file.Files.size(OpenfireFixture.logFile());
            console.deleteSystemProperty("chatconsult.dispositions");
            awaitSettingsApplied(before); // so that the restart does not fall into the next test
        }
    }

    /** Waits until the plugin has restarted its service for changed settings, as its log says after {@code offset}. */
    private static void awaitSettingsApplied(long offset) throws Exception {
        java.nio.file.Path log = OpenfireFixture.logFile();
        RestartTest.waitLong(() -> {
            try {
                String fresh = java.nio.file.Files.readString(log).substring((int) offset);
                int restart = fresh.indexOf("ChatConsult settings changed");
                return restart >= 0 && fresh.indexOf("ChatConsult serves", restart) > 0;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Alice accepts Carol's chat (Carol on a plain client, through the bridge) and consults Bob, who accepts. */
    private static Scene chatWithConsultation(XMPPTCPConnection alice, XMPPTCPConnection bob, XMPPTCPConnection carol,
            String firstLine) throws Exception {
        AgentDesk aliceDesk = new AgentDesk(alice);
        AgentDesk bobDesk = new AgentDesk(bob);
        aliceDesk.agents.setReady();
        AgentDesk.waitFor(() -> aliceDesk.agents.getState() != null);
        var toCarol = new java.util.concurrent.LinkedBlockingQueue<Message>();
        carol.addAsyncStanzaListener(stanza -> toCarol.add((Message) stanza), stanza -> stanza instanceof Message);
        sayToSupport(carol, firstLine);
        Interaction chat = aliceDesk.agents.accept(aliceDesk.next(aliceDesk.chats), "Alice");
        awaitBody(toCarol, "Alice has joined the chat.");
        // Bob goes Ready only now, so the chat's offer went to Alice.
        bobDesk.agents.setReady();
        AgentDesk.waitFor(() -> bobDesk.agents.getState() != null);
        chat.consult(JidCreate.from("bob@localhost"));
        Consultation bobSide = bobDesk.agents.accept(bobDesk.next(bobDesk.requests), "Bob");
        AgentDesk.waitFor(() -> bobSide.getTranscript().size() == 1);
        return new Scene(chat, bobSide, toCarol);
    }



    private static void awaitBody(MultiUserChat room, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message message = room.nextMessage(100);
            if (message != null && body.equals(message.getBody())) {
                return;
            }
        }
        throw new AssertionError("no message saying " + body + " in " + room.getRoom());
    }

    private static void sayToSupport(XMPPTCPConnection contact, String text) throws Exception {
        contact.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("support@consult.localhost"))
                .ofType(Message.Type.chat).setBody(text).build());
    }

    private static void awaitBody(java.util.concurrent.BlockingQueue<Message> messages, String body)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && body.equals(message.getBody())) {
                return;
            }
        }
        throw new AssertionError("no message saying " + body);
    }
}
