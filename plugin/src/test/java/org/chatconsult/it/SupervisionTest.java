package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.TestTemplate;

/**
 * A supervisor (agent3, of the supervisors group) lists the live chats, monitors one unseen, whispers to its agent,
 * barges in and leaves; the contact never gets a byte of the monitoring or of a whisper, and anyone else asking
 * hears what an unknown id hears.
 */
@OnBothServers
class SupervisionTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String SALES = "sales@consult.localhost";

    private static boolean mirrored(Message m, String text) {
        return m.getType() == Message.Type.groupchat && m.hasExtension("mirrored", Party.NS)
                && m.getBody().endsWith(text);
    }

    /** Nothing the contact received names the supervision, its room, or a whisper. */
    private static void assertContactSawNothing(Party contact, String room, String... secrets) {
        for (Stanza stanza : contact.received()) {
            String xml = stanza.toXML().toString();
            assertThat(xml).as("to the contact").doesNotContain("supervis").doesNotContain("monitor")
                    .doesNotContain(room);
            for (String secret : secrets) {
                assertThat(xml).as("to the contact").doesNotContain(secret);
            }
        }
    }

    static IQ monitor(Party supervisor, String interaction, boolean withConsultations) throws Exception {
        return supervisor.command("monitor", Map.of("interaction", interaction,
                "consultations", String.valueOf(withConsultations)));
    }

    private static StandardExtensionElement supervision(IQ reply) {
        assertThat(reply.getType()).as(reply.toString()).isEqualTo(IQ.Type.result);
        return Party.ext(reply, "supervision");
    }

    @TestTemplate
    void aSupervisorMonitorsUnseenAndWhispersToTheAgentAlone(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol, "Order 4711");

            // The live list: the chat, its agent, when it started and when it was answered.
            IQ list = sue.command("supervise", Map.of(), IQ.Type.get);
            assertThat(list.getType()).as(list.toString()).isEqualTo(IQ.Type.result);
            StandardExtensionElement chat = Party.ext(list, "supervise").getElements("chat").stream()
                    .filter(c -> interaction.equals(c.getAttributeValue("id"))).findFirst().orElseThrow();
            assertThat(chat.getAttributeValue("agent")).isEqualTo("agent1@localhost");
            assertThat(chat.getAttributeValue("routing-point")).isEqualTo("sales");
            assertThat(chat.getAttributeValue("started")).isNotNull();
            assertThat(chat.getAttributeValue("answered")).isNotNull();

            // Monitor: her own room, the chat so far and then every new line, from either side.
            StandardExtensionElement watching = supervision(monitor(sue, interaction, false));
            String room = watching.getAttributeValue("room");
            assertThat(watching.getAttributeValue("mode")).isEqualTo("monitoring");
            MultiUserChat sueSide = sue.join(room, "Sue");
            Message first = sue.awaitMessage(m -> mirrored(m, "Hi, my parcel is late"));
            assertThat(Party.attr(first, "mirrored", "supervision")).isEqualTo(watching.getAttributeValue("id"));
            assertThat(Party.attr(first, "mirrored", "role")).isEqualTo("contact");
            sue.awaitMessage(m -> mirrored(m, "Order 4711"));
            carol.chat(SALES, "Any news?");
            sue.awaitMessage(m -> mirrored(m, "Any news?"));
            MultiUserChat chatRoom = MultiUserChatManager.getInstanceFor(alice.connection()).getMultiUserChat(
                    Party.room(Party.attr(alice.awaitElement("offer"), "offer", "room")));
            chatRoom.sendMessage("Checking now.");
            assertThat(Party.attr(sue.awaitMessage(m -> mirrored(m, "Checking now.")), "mirrored", "role"))
                    .isEqualTo("agent");

            // Silent by default: the agent is not told of monitoring.
            assertThat(alice.receives(s -> s.toXML().toString().contains("supervised"), QUIET)).isFalse();

            // A whisper: the agent is told where to read it, and reads it there; the contact never does.
            IQ whispered = sue.command("whisper", Map.of("supervision", watching.getAttributeValue("id")),
                    "Offer the voucher");
            assertThat(whispered.getType()).as(whispered.toString()).isEqualTo(IQ.Type.result);
            Message told = alice.awaitElement("supervised");
            assertThat(Party.attr(told, "supervised", "action")).isEqualTo("whisper");
            assertThat(Party.attr(told, "supervised", "room")).isEqualTo(room);
            MultiUserChat aliceSide = alice.join(room, "Agent 1");
            alice.awaitMessage(m -> m.getBody() != null && m.getBody().endsWith("(whisper): Offer the voucher"));
            sueSide.sendMessage("And apologise for the delay");
            alice.awaitMessage(m -> "And apologise for the delay".equals(m.getBody()));
            aliceSide.sendMessage("Will do");
            sue.awaitMessage(m -> "Will do".equals(m.getBody()));
            carol.chat(SALES, "Hello?");
            sue.awaitMessage(m -> mirrored(m, "Hello?"));

            assertThat(sue.command("end-supervision", Map.of("supervision", watching.getAttributeValue("id")))
                    .getType()).isEqualTo(IQ.Type.result);
            alice.awaitMessage(m -> "ended".equals(Party.attr(m, "supervised", "action")));
            carol.barrier();
            assertContactSawNothing(carol, room, "Offer the voucher", "apologise", "Will do", "Sue");

            // Audited: the supervisor's export of the chat holds what she did and the whispers; the contact's not.
            IQ export = sue.command("export", Map.of("interaction", interaction), IQ.Type.get);
            String record = export.toXML().toString();
            assertThat(record).contains("monitored").contains("whispered").contains("supervision-ended")
                    .contains("Offer the voucher").contains("Will do");
            // Silent monitoring stays silent: the agent's own record of the chat holds none of it.
            String hers = alice.command("export", Map.of("interaction", interaction), IQ.Type.get).toXML().toString();
            assertThat(hers).contains("Checking now.").doesNotContain("monitored").doesNotContain("Offer the voucher");
            assertThat(alice.command("history", Map.of("interaction", interaction), IQ.Type.get).toXML().toString())
                    .contains("accepted").doesNotContain("monitored").doesNotContain("whispered");
        }
    }

    @TestTemplate
    void aBargeInIsToldToTheContactAndLeavingEndsIt(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            String id = supervision(monitor(sue, interaction, false)).getAttributeValue("id");

            StandardExtensionElement barged = supervision(sue.command("barge", Map.of("supervision", id)));
            assertThat(barged.getAttributeValue("mode")).isEqualTo("barged");
            String chatRoom = barged.getAttributeValue("chat-room");
            carol.awaitBody(server.displayName("agent3") + " (supervisor) has joined the chat.");
            assertThat(Party.attr(alice.awaitElement("supervised"), "supervised", "action")).isEqualTo("barged");
            MultiUserChat sueInChat = sue.join(chatRoom, "Sue");
            sueInChat.sendMessage("I am Sue, I can help");
            carol.awaitBody("I am Sue, I can help");
            alice.awaitMessage(m -> "I am Sue, I can help".equals(m.getBody()));

            assertThat(sue.command("end-supervision", Map.of("supervision", id)).getType()).isEqualTo(IQ.Type.result);
            carol.awaitBody(server.displayName("agent3") + " has left the chat.");
            // The chat goes on with its agent.
            carol.chat(SALES, "Thanks");
            alice.awaitMessage(m -> "Thanks".equals(m.getBody()));
        }
    }

    @TestTemplate
    void aRestartEndsTheSupervisionsItCutOffAndTheChatGoesOn(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.RestartableService service = server.restartableService(
                        TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            StandardExtensionElement watching = supervision(monitor(sue, interaction, false));
            sue.join(watching.getAttributeValue("room"), "Sue");
            String chatRoom = supervision(sue.command("barge", Map.of("supervision", watching.getAttributeValue("id"))))
                    .getAttributeValue("chat-room");
            sue.join(chatRoom, "Sue");
            carol.awaitBody("(supervisor) has joined the chat.");

            service.restart();
            // Her room goes, and so does her place in the chat; the log says why.
            sue.awaitStanza(s -> s instanceof Presence
                    && s.getFrom().toString().startsWith(watching.getAttributeValue("room"))
                    && MUCUser.from(s) != null
                    && MUCUser.from(s).getDestroy() != null, LONG);
            Await.until(LONG, "the restart's end of the supervision on the chat's log", () -> sue.command("history", Map.of("interaction", interaction), IQ.Type.get)
                    .toXML().toString().contains(watching.getAttributeValue("id") + " service-restarted"));
            sue.awaitStanza(s -> s instanceof Presence
                    && s.getFrom().toString().startsWith(chatRoom + "/Sue")
                    && ((Presence) s).getType()
                            == Presence.Type.unavailable, LONG);
            // The chat goes on with its agent, and she may monitor it again.
            carol.chat(SALES, "Still there?");
            alice.awaitMessage(m -> "Still there?".equals(m.getBody()));
            assertThat(supervision(monitor(sue, interaction, false)).getAttributeValue("id"))
                    .isNotEqualTo(watching.getAttributeValue("id"));
        }
    }

    @TestTemplate
    void theAgentIsToldOfMonitoringWhenTheSettingsSaySo(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(
                        TestServer.settings(LONG, LONG, 3).tellingAgentWhenMonitored(true))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            supervision(monitor(sue, interaction, true));
            Message told = alice.awaitElement("supervised");
            assertThat(Party.attr(told, "supervised", "action")).isEqualTo("monitoring");
            assertThat(Party.attr(told, "supervised", "supervisor")).isEqualTo("agent3@localhost");
            assertThat(told.getBody()).contains("is monitoring your chat with");
        }
    }

    @TestTemplate
    void anyoneButASupervisorHearsWhatAnUnknownIdHears(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                Party stranger = server.connectStranger();
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            String id = supervision(monitor(sue, interaction, false)).getAttributeValue("id");

            List<Map<String, String>> asked = List.of(Map.of("interaction", interaction), Map.of("supervision", id));
            IQ unknown = sue.command("monitor", Map.of("interaction", "nosuchchat12"));
            assertRefusedAsUnknown(unknown);
            String text = unknown.getError().getDescriptiveText();
            List<Party> others = new java.util.ArrayList<>(List.of(alice, carol));
            if (stranger != null) { // Openfire's test server has no second domain
                others.add(stranger);
            }
            for (Party other : others) {
                assertSameAnswer(other.command("monitor", asked.get(0)), text);
                assertSameAnswer(other.command("barge", asked.get(1)), text);
                assertSameAnswer(other.command("end-supervision", asked.get(1)), text);
                assertSameAnswer(other.command("whisper", asked.get(1), "hello"), text);
                assertSameAnswer(other.command("supervise", Map.of(), IQ.Type.get), text);
            }
            assertSameAnswer(sue.command("barge", Map.of("supervision", "nosuchone123")), text);

            // The ad-hoc command does not exist for an agent who is no supervisor.
            AdHocCommandManager agentCommands = AdHocCommandManager.getAddHocCommandsManager(alice.connection());
            assertThat(agentCommands.discoverCommands(Party.jid(TestServer.SERVICE)).getItems())
                    .extracting(DiscoverItems.Item::getNode).doesNotContain("supervise");
            IQ command = alice.request(execute("supervise"));
            IQ noSuchCommand = alice.request(execute("no-such-command"));
            assertThat(command.getError().getCondition()).isEqualTo(noSuchCommand.getError().getCondition());
            assertThat(command.getError().getDescriptiveText()).isEqualTo(noSuchCommand.getError().getDescriptiveText());
        }
    }

    /** XEP-0050 §3.4: execute a command by its node. */
    private static IQ execute(String node) throws Exception {
        IQ iq = new Party.RawIq("command", "http://jabber.org/protocol/commands",
                Map.of("node", node, "action", "execute"));
        iq.setType(IQ.Type.set);
        iq.setTo(Party.jid(TestServer.SERVICE));
        return iq;
    }

    private static void assertRefusedAsUnknown(IQ reply) {
        assertThat(reply.getType()).as(reply.toString()).isEqualTo(IQ.Type.error);
        assertThat(reply.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
    }

    private static void assertSameAnswer(IQ reply, String text) {
        assertRefusedAsUnknown(reply);
        assertThat(reply.getError().getDescriptiveText()).isEqualTo(text);
    }

    @TestTemplate
    void aStockClientSupervisesThroughTheAdHocCommand(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party sue = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(sue.connection());
            assertThat(commands.discoverCommands(Party.jid(TestServer.SERVICE)).getItems())
                    .extracting(DiscoverItems.Item::getNode).contains("supervise");

            RemoteCommand monitor = commands.getRemoteCommand(Party.jid(TestServer.SERVICE), "supervise");
            monitor.execute();
            FillableForm form = new FillableForm(monitor.getForm());
            assertThat(((ListSingleFormField) monitor.getForm().getField("interaction")).getOptions()).anySatisfy(option ->
                    assertThat(option.getLabel()).startsWith("contact1 (Sales)").contains(
                            server.displayName("agent1")));
            form.setAnswer("interaction", interaction);
            form.setAnswer("action", "monitor");
            monitor.complete(form);
            String note = monitor.getNotes().get(0).getValue();
            assertThat(note).contains("You are monitoring");
            // She is invited to her room, as any client shows it, and finds the chat there.
            String room = note.replaceAll(".* from (\\S+): .*", "$1");
            sue.join(room, "Sue");
            sue.awaitMessage(m -> mirrored(m, "Hi, my parcel is late"));

            RemoteCommand whisper = commands.getRemoteCommand(Party.jid(TestServer.SERVICE), "supervise");
            whisper.execute();
            FillableForm whisperForm = new FillableForm(whisper.getForm());
            whisperForm.setAnswer("interaction", interaction);
            whisperForm.setAnswer("action", "whisper");
            whisperForm.setAnswer("text", "Mind the refund rules");
            whisper.complete(whisperForm);
            assertThat(whisper.getNotes().get(0).getValue()).startsWith("Whispered to");
            alice.awaitElement("supervised");
            alice.join(room, "Agent 1");
            alice.awaitMessage(m -> m.getBody() != null && m.getBody().endsWith("(whisper): Mind the refund rules"));
            carol.barrier();
            assertContactSawNothing(carol, room, "Mind the refund rules");
        }
    }
}
