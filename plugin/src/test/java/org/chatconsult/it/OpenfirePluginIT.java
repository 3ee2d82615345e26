package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TranscriptArchive;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The built plugin jar inside a real Openfire 5.1 (the test fixture of ../shared/openfire, or the directory
 * that {@code chatconsult.openfire.dir} names): it loads, registers the service inside Openfire, and the service
 * answers there. Skipped, saying so, where no Openfire is at hand.
 */
class OpenfirePluginIT {
    private static Path script;

    @BeforeAll
    static void startOpenfire() throws Exception {
        Path dir = Path.of(System.getProperty("chatconsult.openfire.dir", "../../shared/openfire"));
        script = dir.resolve("openfire-test-server");
        assumeTrue(Files.isExecutable(script) || Files.exists(script),
                "no Openfire test server at " + dir.toAbsolutePath() + ": the Openfire suite is skipped");
        Path jar = Path.of(System.getProperty("chatconsult.plugin.jar"));
        assertThat(jar).exists();
        run("start", jar.toAbsolutePath().toString());
        createAgentsGroup();
    }

    /** The group that serves the default routing point, made through Openfire's admin commands (XEP-0133). */
    private static void createAgentsGroup() throws Exception {
        XMPPTCPConnection admin = connect("admin");
        RemoteCommand addGroup = AdHocCommandManager.getAddHocCommandsManager(admin)
                .getRemoteCommand(JidCreate.from("localhost"), "http://jabber.org/protocol/admin#add-group");
        addGroup.execute();
        FillableForm group = new FillableForm(addGroup.getForm());
        group.setAnswer("group", "agents");
        group.setAnswer("members", List.of("alice@localhost", "bob@localhost"));
        group.setAnswer("showInRoster", "nobody");
        addGroup.complete(group);
        admin.disconnect();
    }

    @AfterAll
    static void stopOpenfire() throws Exception {
        if (script != null && Files.exists(script)) {
            run("stop");
        }
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static XMPPTCPConnection connect(String user) throws Exception {
        return connect(user, connection -> { });
    }

    /** Connects; {@code beforeLogin} may add listeners for what arrives at login (stored offline messages). */
    private static XMPPTCPConnection connect(String user, java.util.function.Consumer<XMPPTCPConnection> beforeLogin)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(5222)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(user, user).setResource("it").build());
        beforeLogin.accept(connection);
        connection.connect().login();
        return connection;
    }

    @Test
    void pluginLoadsRegistersTheServiceAndItAnswers() throws Exception {
        XMPPTCPConnection alice = connect("alice");
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
            assertThat(error.getError().getDescriptiveText()).contains("no routing point named sales");
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
        XMPPTCPConnection alice = connect("alice");
        XMPPTCPConnection bob = connect("bob");
        XMPPTCPConnection carol = connect("carol");
        ServiceDiscoveryManager.getInstanceFor(carol).removeFeature("http://jabber.org/protocol/muc");
        try {
            SeedLessonsTest.Desk aliceDesk = new SeedLessonsTest.Desk(alice);
            SeedLessonsTest.Desk bobDesk = new SeedLessonsTest.Desk(bob);
            aliceDesk.agents.setReady();
            SeedLessonsTest.waitFor(() -> aliceDesk.agents.getState() != null);
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
            SeedLessonsTest.waitFor(() -> bobDesk.agents.getState() != null);
            Consultation consultation = chat.consult(JidCreate.from("bob@localhost"));
            Consultation bobSide = bobDesk.agents.accept(bobDesk.next(bobDesk.requests), "Bob");
            SeedLessonsTest.waitFor(() -> bobSide.getTranscript().size() >= 2);
            assertThat(bobSide.getTranscript().get(0).getText()).isEqualTo("My parcel is late");
            consultation.send("Is this one for billing?");
            SeedLessonsTest.waitFor(() -> bobSide.getMessages().stream()
                    .anyMatch(m -> "Is this one for billing?".equals(m.getBody())));

            carol.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("support@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("/end").build());
            SeedLessonsTest.waitFor(() -> "interaction-ended".equals(bobSide.getEndReason()));
            SeedLessonsTest.waitFor(chat::isEnded);
            assertThat(toCarol).noneMatch(m -> m.toXML().toString().contains("billing"));

            // The record is in Openfire's own database (tables made by Openfire from the plugin's script).
            assertThat(TranscriptArchive.of(aliceDesk.agents).lines(chat.getId()))
                    .extracting(TranscriptArchive.Line::getText)
                    .contains("My parcel is late", "Hello from Openfire", "Is this one for billing?");
        } finally {
            alice.disconnect();
            bob.disconnect();
            carol.disconnect();
        }
    }

    /**
     * The plugin is reloaded (a new jar dropped into plugins/, as an upgrade does) in the middle of a chat and
     * a consultation: the new plugin takes both up from Openfire's database, what was said during the reload
     * is kept, and the target's mirror goes on in sequence.
     */
    @Test
    void aPluginReloadKeepsTheChatAndTheConsultation() throws Exception {
        XMPPTCPConnection alice = connect("alice");
        XMPPTCPConnection bob = connect("bob");
        XMPPTCPConnection carol = connect("carol");
        ServiceDiscoveryManager.getInstanceFor(carol).removeFeature("http://jabber.org/protocol/muc");
        try {
            Scene scene = chatWithConsultation(alice, bob, carol, "before the reload");
            Interaction chat = scene.chat();
            Consultation bobSide = scene.bobSide();
            var toCarol = scene.toCarol();

            run("deploy", Path.of(System.getProperty("chatconsult.plugin.jar")).toAbsolutePath().toString());
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
            Thread.sleep(5_000);
            sayToSupport(carol, "still there?");
            RestartTest.waitLong(() -> bobSide.getTranscript().stream()
                    .anyMatch(line -> line.getText().equals("still there?")));
            chat.end();
        } finally {
            alice.disconnect();
            bob.disconnect();
            carol.disconnect();
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
        XMPPTCPConnection alice = connect("alice");
        XMPPTCPConnection bob = connect("bob");
        XMPPTCPConnection carol = connect("carol");
        ServiceDiscoveryManager.getInstanceFor(carol).removeFeature("http://jabber.org/protocol/muc");
        String interaction;
        String consultationRoom;
        try {
            Scene scene = chatWithConsultation(alice, bob, carol, "before the restart");
            Interaction chat = scene.chat();
            Consultation bobSide = scene.bobSide();
            interaction = chat.getId();
            consultationRoom = bobSide.getRoom().getRoom().toString();
        } finally {
            alice.disconnect();
            bob.disconnect();
            carol.disconnect();
        }

        restartOpenfire();

        // Invitations sent while they were away are stored by Openfire and arrive at login.
        var invitations = new java.util.concurrent.LinkedBlockingQueue<String>();
        java.util.function.Consumer<XMPPTCPConnection> listen = connection -> MultiUserChatManager
                .getInstanceFor(connection).addInvitationListener((conn, room, inviter, reason, password, message,
                        invitation) -> invitations.add(conn.getUser().asBareJid() + " " + room.getRoom()));
        alice = connect("alice", listen);
        bob = connect("bob", listen);
        carol = connect("carol");
        ServiceDiscoveryManager.getInstanceFor(carol).removeFeature("http://jabber.org/protocol/muc");
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
            alice.disconnect();
            bob.disconnect();
            carol.disconnect();
        }
    }

    /** A chat and its consultation as the restart tests set them up. */
    private record Scene(Interaction chat, Consultation bobSide, java.util.concurrent.BlockingQueue<Message> toCarol) {
    }

    /** Alice accepts Carol's chat (Carol on a plain client, through the bridge) and consults Bob, who accepts. */
    private static Scene chatWithConsultation(XMPPTCPConnection alice, XMPPTCPConnection bob, XMPPTCPConnection carol,
            String firstLine) throws Exception {
        SeedLessonsTest.Desk aliceDesk = new SeedLessonsTest.Desk(alice);
        SeedLessonsTest.Desk bobDesk = new SeedLessonsTest.Desk(bob);
        aliceDesk.agents.setReady();
        SeedLessonsTest.waitFor(() -> aliceDesk.agents.getState() != null);
        var toCarol = new java.util.concurrent.LinkedBlockingQueue<Message>();
        carol.addAsyncStanzaListener(stanza -> toCarol.add((Message) stanza), stanza -> stanza instanceof Message);
        sayToSupport(carol, firstLine);
        Interaction chat = aliceDesk.agents.accept(aliceDesk.next(aliceDesk.chats), "Alice");
        awaitBody(toCarol, "Alice has joined the chat.");
        // Bob goes Ready only now, so the chat's offer went to Alice.
        bobDesk.agents.setReady();
        SeedLessonsTest.waitFor(() -> bobDesk.agents.getState() != null);
        chat.consult(JidCreate.from("bob@localhost"));
        Consultation bobSide = bobDesk.agents.accept(bobDesk.next(bobDesk.requests), "Bob");
        SeedLessonsTest.waitFor(() -> bobSide.getTranscript().size() == 1);
        return new Scene(chat, bobSide, toCarol);
    }

    /** Stops Openfire the way an operator does and starts it again on the same home and database. */
    private static void restartOpenfire() throws Exception {
        Path state = Path.of(System.getenv().getOrDefault("OF_STATE",
                System.getenv().getOrDefault("TMPDIR", "/tmp") + "/openfire-test-server"));
        Path home = Path.of(Files.readString(state.resolve("openfire.home")).trim());
        Path log = home.resolve("logs/openfire.log");
        run("stop");
        long offset = Files.size(log);
        ProcessBuilder openfire = new ProcessBuilder("setsid", home.resolve("bin/openfire.sh").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout-restarted.log").toFile());
        openfire.environment().put("JAVA_HOME", System.getProperty("java.home"));
        openfire.environment().put("OPENFIRE_HOME", home.toString());
        openfire.environment().put("OPENFIRE_OPTS", "-Xmx1g");
        Process process = openfire.start();
        // The script's stop (at the end of the suite) finds the server by this file.
        Files.writeString(state.resolve("openfire.pid"), String.valueOf(process.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String fresh = Files.size(log) > offset ? Files.readString(log).substring((int) offset) : "";
            if (fresh.contains("Successfully loaded plugin 'chatconsult") && listening(5222)) {
                return;
            }
            assertThat(process.isAlive()).as("Openfire is running again").isTrue();
            assertThat(System.nanoTime()).as("Openfire back within 90 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
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
