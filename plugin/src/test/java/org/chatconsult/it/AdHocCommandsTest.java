package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** An agent with no custom UI consults through XEP-0050 ad-hoc commands, as Gajim or Converse.js offer them. */
@OnBothServers
class AdHocCommandsTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void consultEndAndMarkDoneThroughAdHocCommands(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            dora.ready();
            AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(alice.connection());
            DiscoverItems listed = commands.discoverCommands(Party.jid(TestServer.SERVICE));
            assertThat(listed.getItems()).extracting(DiscoverItems.Item::getNode)
                    .containsExactly("consult", "end-consultation", "done");

            RemoteCommand consult = commands.getRemoteCommand(Party.jid(TestServer.SERVICE), "consult");
            consult.execute();
            FormField chats = consult.getForm().getField("interaction");
            assertThat(chats.getType()).isEqualTo(FormField.Type.list_single);
            assertThat(((org.jivesoftware.smackx.xdata.ListSingleFormField) chats).getOptions())
                    .extracting(o -> o.getValueString()).containsExactly(interaction);
            FillableForm answer = new FillableForm(consult.getForm());
            answer.setAnswer("interaction", interaction);
            answer.setAnswer("target", "agent4@localhost");
            consult.complete(answer);
            assertThat(consult.isCompleted()).isTrue();
            assertThat(consult.getNotes().get(0).getValue()).contains("Consultation started");

            Message offer = dora.awaitElement("consultation-offer");
            String consultation = Party.attr(offer, "consultation-offer", "consultation");
            dora.join(Party.attr(offer, "consultation-offer", "room"), "Agent 4");
            alice.awaitElement("consultation-accepted");

            RemoteCommand end = AdHocCommandManager.getAddHocCommandsManager(dora.connection())
                    .getRemoteCommand(Party.jid(TestServer.SERVICE), "end-consultation");
            end.execute();
            FillableForm which = new FillableForm(end.getForm());
            which.setAnswer("consultation", consultation);
            end.complete(which);
            assertThat(Party.attr(alice.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                    .isEqualTo("ended-by-target");

            RemoteCommand done = commands.getRemoteCommand(Party.jid(TestServer.SERVICE), "done");
            done.execute();
            FillableForm disposition = new FillableForm(done.getForm());
            disposition.setAnswer("consultation", consultation);
            disposition.setAnswer("disposition", "resolved");
            disposition.setAnswer("note", "Refund approved");
            done.complete(disposition);
            assertThat(done.getNotes().get(0).getValue()).isEqualTo("Marked done.");

            RemoteCommand again = commands.getRemoteCommand(Party.jid(TestServer.SERVICE), "consult");
            again.execute();
            FillableForm wrong = new FillableForm(again.getForm());
            wrong.setAnswer("interaction", interaction);
            wrong.setAnswer("target", "nobody@localhost");
            assertThatThrownBy(() -> again.complete(wrong))
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.item_not_found));
        }
    }

    @TestTemplate
    void supervisorsReadTheServiceStatistics(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party supervisor = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            ConsultationTest.activeChat(alice, carol);
            AdHocCommandManager supervisorCommands = AdHocCommandManager.getAddHocCommandsManager(
                    supervisor.connection());
            assertThat(supervisorCommands.discoverCommands(Party.jid(TestServer.SERVICE)).getItems())
                    .extracting(DiscoverItems.Item::getNode).contains("statistics");

            RemoteCommand statistics = supervisorCommands.getRemoteCommand(Party.jid(TestServer.SERVICE), "statistics");
            statistics.execute();
            assertThat(statistics.isCompleted()).isTrue();
            org.jivesoftware.smackx.xdata.packet.DataForm report = statistics.getForm();
            assertThat(report.getField("interactions").getFirstValue()).isEqualTo("1");
            assertThat(report.getField("ready-agents").getFirstValue()).isEqualTo("1");
            assertThat(Long.parseLong(report.getField("stored").getFirstValue())).isPositive();
            assertThat(Long.parseLong(report.getField("cpu-core-us").getFirstValue())).isPositive();
            assertThat(Long.parseLong(report.getField("cpu-delivering-us").getFirstValue())).isPositive();
            assertThat(Long.parseLong(report.getField("cpu-sending-us").getFirstValue())).isPositive();

            // An agent who is no supervisor neither sees it nor runs it.
            AdHocCommandManager agentCommands = AdHocCommandManager.getAddHocCommandsManager(alice.connection());
            assertThat(agentCommands.discoverCommands(Party.jid(TestServer.SERVICE)).getItems())
                    .extracting(DiscoverItems.Item::getNode).doesNotContain("statistics");
            assertThatThrownBy(() -> agentCommands.getRemoteCommand(Party.jid(TestServer.SERVICE), "statistics")
                    .execute())
                    .isInstanceOf(XMPPException.XMPPErrorException.class)
                    .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.forbidden));
        }
    }
}
