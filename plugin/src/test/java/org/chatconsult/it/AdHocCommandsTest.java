package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
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
                    .containsExactly("consult", "end-consultation", "done", "end-chat", "done-chat",
                            "team-communicator");

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
            wrong.setAnswer("address", "nobody@localhost");
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
            assertThat(Long.parseLong(report.getField("cpu-outbox-us").getFirstValue())).isPositive();

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

    @TestTemplate
    void formsOfferChatsTargetsAndDispositionsInWords(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(withDispositions())) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            dora.ready();

            RemoteCommand consult = run(alice, "consult");
            Map<String, String> chats = options(consult, "interaction");
            assertThat(chats).hasSize(1).containsValue(interaction);
            assertThat(chats.keySet().iterator().next()).endsWith(" (Sales): Hi, my parcel is late")
                    .doesNotContain(interaction);
            // The Ready targets, each with its readiness; the agent herself is none of them.
            Map<String, String> targets = options(consult, "target");
            assertThat(targets).containsEntry(server.displayName("agent4") + " — agent, Ready, 0 of 3 chats",
                    "agent4@" + TestServer.DOMAIN).containsEntry("Sales — routing point, 1 Ready",
                    "sales@" + TestServer.SERVICE).doesNotContainValue("agent1@" + TestServer.DOMAIN);
            FormField address = consult.getForm().getField("address");
            assertThat(address.getType()).isEqualTo(FormField.Type.jid_single);
            assertThat(address.getDescription()).contains("instead of the choice above");
            consult.cancel();

            // Mark Done: the configured codes to choose from; a code the form did not offer is refused.
            RemoteCommand done = run(alice, "done-chat");
            FormField disposition = done.getForm().getField("disposition");
            assertThat(disposition.getType()).isEqualTo(FormField.Type.list_single);
            assertThat(options(done, "disposition")).containsOnlyKeys("refund", "resolved");
            FillableForm bogus = new FillableForm(done.getForm());
            bogus.setAnswer("interaction", interaction);
            bogus.setAnswer("disposition", "bogus");
            assertThat(refusal(() -> done.complete(bogus))).satisfies(error -> {
                assertThat(error.getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                assertThat(error.getDescriptiveText()).contains("'disposition'").doesNotContain("bogus");
            });

            // A second form open on the same chat, as in a second window: once the chat is done, it hears conflict.
            RemoteCommand stale = run(alice, "done-chat");
            FillableForm resolved = new FillableForm(done.getForm());
            resolved.setAnswer("interaction", interaction);
            resolved.setAnswer("disposition", "resolved");
            resolved.setAnswer("note", "Refund issued");
            done.complete(resolved);
            assertThat(done.isCompleted()).isTrue();
            assertThat(done.getNotes().get(0).getValue()).isEqualTo("Marked done; the chat has ended.");
            carol.awaitBody("ended");
            FillableForm again = new FillableForm(stale.getForm());
            again.setAnswer("interaction", interaction);
            again.setAnswer("disposition", "resolved");
            assertThat(refusal(() -> stale.complete(again)).getCondition()).isEqualTo(StanzaError.Condition.conflict);
            assertThat(options(run(alice, "done-chat"), "interaction")).isEmpty();
        }
    }

    @TestTemplate
    void anAgentEndsAChatWithAReason(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            RemoteCommand end = run(alice, "end-chat");
            RemoteCommand stale = run(alice, "end-chat");
            assertThat(end.getForm().getField("reason").getType()).isEqualTo(FormField.Type.text_single);
            FillableForm form = new FillableForm(end.getForm());
            form.setAnswer("interaction", interaction);
            form.setAnswer("reason", "Answered by e-mail");
            end.complete(form);
            assertThat(end.getNotes().get(0).getValue()).isEqualTo("The chat has ended.");
            carol.awaitBody("ended");

            FillableForm again = new FillableForm(stale.getForm());
            again.setAnswer("interaction", interaction);
            assertThat(refusal(() -> stale.complete(again)).getCondition()).isEqualTo(StanzaError.Condition.conflict);
        }
    }

    @TestTemplate
    void theTeamCommunicatorSearchesThenConsultsImsAndKeepsFavorites(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = ConsultationTest.activeChat(alice, carol);
            dora.ready();
            String doraJid = "agent4@" + TestServer.DOMAIN;
            String doraLabel = server.displayName("agent4") + " — agent, Ready, 0 of 3 chats";

            // Nothing kept yet: an empty search says so.
            RemoteCommand empty = run(alice, "team-communicator");
            assertThat(empty.getForm().getField("text").getType()).isEqualTo(FormField.Type.text_single);
            empty.next(new FillableForm(empty.getForm()));
            assertThat(empty.isCompleted()).isTrue();
            assertThat(empty.getNotes().get(0).getValue()).contains("no favorites or recent targets");

            RemoteCommand favorite = search(alice, server.displayName("agent4"));
            assertThat(options(favorite, "target")).containsEntry(doraLabel, doraJid);
            assertThat(options(favorite, "action")).containsValues("consult", "im", "add-favorite", "remove-favorite");
            favorite.next(choose(favorite, doraJid, "add-favorite"));
            assertThat(favorite.isCompleted()).isTrue();
            assertThat(favorite.getNotes().get(0).getValue()).endsWith("is among your favorites.");

            // An empty search now lists the favorite; an IM, with a step back on the way.
            RemoteCommand im = run(alice, "team-communicator");
            im.next(new FillableForm(im.getForm()));
            assertThat(options(im, "target")).containsEntry(doraLabel + ", favorite", doraJid);
            im.next(choose(im, doraJid, "im"));
            assertThat(im.getForm().getField("message").getType()).isEqualTo(FormField.Type.text_multi);
            im.prev();
            assertThat(options(im, "target")).containsValue(doraJid);
            im.next(choose(im, doraJid, "im"));
            FillableForm message = new FillableForm(im.getForm());
            message.setAnswer("message", "Can you take a refund question?");
            im.complete(message);
            assertThat(im.getNotes().get(0).getValue()).contains("write to " + doraJid);
            dora.awaitBody(server.displayName("agent1") + " (agent1@" + TestServer.DOMAIN
                    + "): Can you take a refund question?");

            // A routing point shows how many of its agents are Ready; consulting asks which chat it is about.
            RemoteCommand routing = search(alice, "support");
            assertThat(options(routing, "target")).containsEntry("Support — routing point, 0 Ready",
                    "support@" + TestServer.SERVICE);
            RemoteCommand consult = search(alice, server.displayName("agent4"));
            consult.next(choose(consult, doraJid, "consult"));
            assertThat(options(consult, "interaction")).containsValue(interaction);
            FillableForm chat = new FillableForm(consult.getForm());
            chat.setAnswer("interaction", interaction);
            consult.complete(chat);
            String note = consult.getNotes().get(0).getValue();
            assertThat(note).startsWith("Consultation started. Join ");
            String room = note.substring("Consultation started. Join ".length(), note.indexOf(' ', 27));
            dora.awaitStanza(s -> s.toXML().toString().contains(room));

            RemoteCommand unfavorite = search(alice, server.displayName("agent4"));
            unfavorite.next(choose(unfavorite, doraJid, "remove-favorite"));
            assertThat(unfavorite.getNotes().get(0).getValue()).endsWith("is no longer among your favorites.");
            RemoteCommand twice = search(alice, server.displayName("agent4"));
            assertThat(refusal(() -> twice.next(choose(twice, doraJid, "remove-favorite"))).getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
        }
    }

    @TestTemplate
    void sessionsAndOptionsAreChecked(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            dora.ready();
            RemoteCommand found = search(alice, server.displayName("agent4"));
            // An action the form did not offer (no calls here) is refused, naming the field.
            FillableForm call = choose(found, "agent4@" + TestServer.DOMAIN, "im");
            call.setAnswer("action", "call");
            assertThat(refusal(() -> found.next(call))).satisfies(error -> {
                assertThat(error.getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                assertThat(error.getDescriptiveText()).contains("'action'");
            });
            // No step back from the first form (XEP-0050 §4.4, bad-action).
            RemoteCommand first = run(alice, "team-communicator");
            assertThat(AdHocCommand.getSpecificErrorCondition(refusal(first::prev)))
                    .isEqualTo(AdHocCommand.SpecificErrorCondition.badAction);

            // A session id never given, or another's, is bad-sessionid.
            String session = sessionOf(alice, "team-communicator");
            for (Party asker : List.of(alice, dora)) {
                String id = "s-" + asker.bare();
                asker.sendRaw("<iq type='set' id='" + id + "' to='" + TestServer.SERVICE + "'><command xmlns="
                        + "'http://jabber.org/protocol/commands' node='team-communicator' action='next' sessionid='"
                        + (asker == alice ? "nosuchsession" : session) + "'><x xmlns='jabber:x:data' type='submit'/>"
                        + "</command></iq>");
                String reply = asker.awaitStanza(s -> id.equals(s.getStanzaId())).toXML().toString();
                assertThat(reply).contains("type='error'").contains("bad-request").contains("bad-sessionid");
            }
        }
    }

    private static org.chatconsult.core.Settings withDispositions() {
        org.chatconsult.core.Settings base = TestServer.settings(LONG, LONG, 3);
        return new org.chatconsult.core.Settings(base.offerTimeout(), base.maxQueueWait(), base.defaultCapacity(),
                base.maxInteractions(), Set.of("resolved", "refund"));
    }

    /** The command executed, as a client does when its user picks it from the service's list. */
    private static RemoteCommand run(Party agent, String node) throws Exception {
        RemoteCommand command = AdHocCommandManager.getAddHocCommandsManager(agent.connection())
                .getRemoteCommand(Party.jid(TestServer.SERVICE), node);
        command.execute();
        return command;
    }

    /** The Team Communicator at its results for {@code text}. */
    private static RemoteCommand search(Party agent, String text) throws Exception {
        RemoteCommand command = run(agent, "team-communicator");
        FillableForm form = new FillableForm(command.getForm());
        form.setAnswer("text", text);
        command.next(form);
        return command;
    }

    private static FillableForm choose(RemoteCommand results, String target, String action) {
        FillableForm form = new FillableForm(results.getForm());
        form.setAnswer("target", target);
        form.setAnswer("action", action);
        return form;
    }

    /** A list field's options, label to value, as a client shows the labels. */
    private static Map<String, String> options(RemoteCommand command, String var) {
        Map<String, String> options = new LinkedHashMap<>();
        ((ListSingleFormField) command.getForm().getField(var)).getOptions()
                .forEach(option -> options.put(option.getLabel(), option.getValueString()));
        return options;
    }

    /** The session id the service gives a fresh execute, read from the raw answer. */
    private static String sessionOf(Party agent, String node) throws Exception {
        String id = "exec-" + node;
        agent.sendRaw("<iq type='set' id='" + id + "' to='" + TestServer.SERVICE + "'><command xmlns="
                + "'http://jabber.org/protocol/commands' node='" + node + "' action='execute'/></iq>");
        String reply = agent.awaitStanza(s -> id.equals(s.getStanzaId())).toXML().toString();
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("sessionid=.([a-z0-9]+)").matcher(reply);
        assertThat(session.find()).as(reply).isTrue();
        return session.group(1);
    }

    private static StanzaError refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(XMPPException.XMPPErrorException.class);
        return ((XMPPException.XMPPErrorException) thrown).getStanzaError();
    }
}
