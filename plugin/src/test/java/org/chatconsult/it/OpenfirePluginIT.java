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
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TranscriptArchive;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

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
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(5222)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(user, user).setResource("it").build());
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
            SeedLessonsTest.Desk aliceDesk = new SeedLessonsTest.Desk(alice);
            SeedLessonsTest.Desk bobDesk = new SeedLessonsTest.Desk(bob);
            aliceDesk.agents.setReady();
            SeedLessonsTest.waitFor(() -> aliceDesk.agents.getState() != null);
            var toCarol = new java.util.concurrent.LinkedBlockingQueue<Message>();
            carol.addAsyncStanzaListener(stanza -> toCarol.add((Message) stanza), stanza -> stanza instanceof Message);
            sayToSupport(carol, "before the reload");
            Interaction chat = aliceDesk.agents.accept(aliceDesk.next(aliceDesk.chats), "Alice");
            awaitBody(toCarol, "Alice has joined the chat.");
            bobDesk.agents.setReady();
            SeedLessonsTest.waitFor(() -> bobDesk.agents.getState() != null);
            chat.consult(JidCreate.from("bob@localhost"));
            Consultation bobSide = bobDesk.agents.accept(bobDesk.next(bobDesk.requests), "Bob");
            SeedLessonsTest.waitFor(() -> bobSide.getTranscript().size() == 1);

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
