package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.TestTemplate;

/**
 * Who may do what: each of the service's commands and IQs, asked by the chat's contact, an agent who is no
 * party, the party, a supervisor and a stranger from another domain, with the answer expected in every cell.
 * Anyone who is no agent is refused before any id is looked at (forbidden); an agent who is no party gets the
 * answer an unknown id gets (item-not-found, word for word), so nobody can probe which ids are live. Supervision
 * does not exist for anyone but a supervisor: her requests and command answer them as unknown ids and nodes do.
 */
@OnBothServers
class AuthorizationMatrixTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SERVICE = TestServer.SERVICE;
    private static final String RESULT = "result";
    private static final AtomicLong IDS = new AtomicLong();

    /** One request, in XML with {id} for its stanza id. */
    private record Request(String name, String xml) {
    }

    private static Request ours(String name, String element, Map<String, String> attributes, String type) {
        StringBuilder xml = new StringBuilder("<iq type='" + type + "' id='{id}' to='" + SERVICE + "'><" + element
                + " xmlns='" + Party.NS + "'");
        attributes.forEach((key, value) -> xml.append(' ').append(key).append("='").append(value).append('\''));
        return new Request(name, xml.append("/></iq>").toString());
    }

    private static Request adHoc(String node) {
        return new Request("execute " + node, "<iq type='set' id='{id}' to='" + SERVICE + "'><command xmlns="
                + "'http://jabber.org/protocol/commands' node='" + node + "' action='execute'/></iq>");
    }

    private static Request mam(String interaction) {
        return new Request("archive query", "<iq type='set' id='{id}' to='" + SERVICE + "'><query xmlns='urn:xmpp:mam:2'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2"
                + "</value></field><field var='interaction'><value>" + interaction + "</value></field></x></query></iq>");
    }

    private static Request search() {
        return new Request("directory search", "<iq type='set' id='{id}' to='" + SERVICE + "'><query xmlns="
                + "'jabber:iq:search'><x xmlns='jabber:x:data' type='submit'><field var='text'><value>agent</value>"
                + "</field></x></query></iq>");
    }

    /** Sends the request and returns its one reply. */
    private static IQ reply(Party party, Request request) throws Exception {
        String id = "authz-" + IDS.incrementAndGet();
        party.sendRaw(request.xml().replace("{id}", id));
        return (IQ) party.awaitStanza(s -> s instanceof IQ && id.equals(s.getStanzaId()));
    }

    /** The reply as "result" or its error condition. */
    private static String answer(Party party, Request request) throws Exception {
        IQ reply = reply(party, request);
        return reply.getType() == IQ.Type.result ? RESULT : reply.getError().getCondition().toString();
    }

    /** The reply as "result" or its error condition with the error's text. */
    private static String text(Party party, Request request) throws Exception {
        IQ reply = reply(party, request);
        return reply.getError() == null ? RESULT : reply.getError().getCondition() + ": "
                + reply.getError().getDescriptiveText();
    }

    @TestTemplate
    void everyCommandAnswersEveryoneAsTheTableSays(TestServer server) throws Exception {
        try (Party owner = server.connect("agent1");
                Party target = server.connect("agent2");
                Party supervisor = server.connect("agent3");
                Party outsider = server.connect("targeta1");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            Party stranger = server.connectStranger();
            try {
                String interaction = ConsultationTest.activeChat(owner, contact, "Where is my parcel?");
                target.ready();
                outsider.ready();
                String room = ConsultationTest.roomOf(ConsultationTest.consult(owner, interaction, "agent2@localhost"));
                Message request = target.awaitElement("consultation-offer");
                String consultation = Party.attr(request, "consultation-offer", "consultation");
                String offer = Party.attr(request, "consultation-offer", "id");
                target.join(room, "Agent 2");
                owner.awaitElement("consultation-accepted");

                Map<String, Party> roles = new LinkedHashMap<>();
                roles.put("contact", contact);
                roles.put("agent, no party", outsider);
                roles.put("supervisor", supervisor);
                if (stranger != null) {
                    roles.put("stranger", stranger);
                }
                String forbidden = "forbidden";
                String notFound = "item-not-found";
                List<Request> agentsOnly = List.of(
                        ours("decline", "decline", Map.of("offer", offer), "set"),
                        ours("end", "end", Map.of("interaction", interaction), "set"),
                        ours("conference", "conference", Map.of("interaction", interaction, "target",
                                "agent4@localhost"), "set"),
                        ours("transfer", "transfer", Map.of("interaction", interaction, "target", "agent4@localhost",
                                "mode", "warm"), "set"),
                        ours("consult", "consult", Map.of("interaction", interaction, "target", "agent4@localhost"),
                                "set"),
                        ours("end-consultation", "end-consultation", Map.of("consultation", consultation), "set"),
                        ours("done (consultation)", "done", Map.of("consultation", consultation), "set"),
                        ours("done (chat)", "done", Map.of("interaction", interaction), "set"),
                        ours("im", "im", Map.of("consultation", consultation), "set"),
                        ours("call", "call", Map.of("consultation", consultation), "set"),
                        ours("history", "history", Map.of("interaction", interaction), "get"),
                        ours("transcript", "transcript", Map.of("consultation", consultation), "get"));
                List<Request> directory = List.of(search(),
                        ours("favorites", "favorites", Map.of(), "get"),
                        ours("recent", "recent", Map.of(), "get"),
                        adHoc("consult"));
                Request export = ours("export", "export", Map.of("interaction", interaction), "get");
                Request archive = mam(interaction);
                Request statistics = adHoc("statistics");
                // Supervision does not exist for anyone else: the answer of an unknown id or node.
                List<Request> supervisorsOnly = List.of(ours("supervise", "supervise", Map.of(), "get"),
                        ours("monitor", "monitor", Map.of("interaction", interaction), "set"), adHoc("supervise"));

                List<String> mismatches = new ArrayList<>();
                Map<String, Map<String, String>> table = new LinkedHashMap<>();
                for (Map.Entry<String, Party> role : roles.entrySet()) {
                    boolean agent = role.getKey().startsWith("agent") || role.getKey().equals("supervisor");
                    Map<String, String> expected = new LinkedHashMap<>();
                    for (Request r : agentsOnly) {
                        expected.put(r.name(), agent ? notFound : forbidden);
                    }
                    if (role.getKey().equals("supervisor")) {
                        expected.put("history", RESULT); // supervisors read every chat's history
                    }
                    for (Request r : directory) {
                        expected.put(r.name(), agent ? RESULT : forbidden);
                    }
                    boolean reader = role.getKey().equals("contact") || role.getKey().equals("supervisor");
                    expected.put(export.name(), reader ? RESULT : notFound);
                    expected.put(archive.name(), reader ? RESULT : notFound);
                    expected.put(statistics.name(), role.getKey().equals("supervisor") ? RESULT : forbidden);
                    List<Request> all = new ArrayList<>(agentsOnly);
                    all.addAll(directory);
                    all.addAll(List.of(export, archive, statistics));
                    for (Request r : supervisorsOnly) {
                        expected.put(r.name(), role.getKey().equals("supervisor") ? RESULT : notFound);
                    }
                    all.addAll(supervisorsOnly);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (Request r : all) {
                        String got = answer(role.getValue(), r);
                        row.put(r.name(), got);
                        if (!got.equals(expected.get(r.name()))) {
                            mismatches.add(role.getKey() + " × " + r.name() + ": expected " + expected.get(r.name())
                                    + ", got " + got);
                        }
                    }
                    table.put(role.getKey(), row);
                }
                // The party's own column, in an order that leaves each step something to act on.
                Map<String, String> party = new LinkedHashMap<>();
                for (Request r : List.of(ours("history", "history", Map.of("interaction", interaction), "get"),
                        ours("transcript", "transcript", Map.of("consultation", consultation), "get"),
                        ours("im", "im", Map.of("consultation", consultation), "set"),
                        ours("call", "call", Map.of("consultation", consultation), "set"),
                        export, archive, search(), adHoc("consult"),
                        ours("end-consultation", "end-consultation", Map.of("consultation", consultation), "set"),
                        ours("done (consultation)", "done", Map.of("consultation", consultation), "set"))) {
                    party.put(r.name(), answer(owner, r));
                }
                party.put("done (consultation) again", answer(owner, ours("done", "done",
                        Map.of("consultation", consultation), "set")));
                party.put("statistics", answer(owner, statistics));
                for (Request r : supervisorsOnly) {
                    party.put(r.name(), answer(owner, r));
                }
                table.put("party", party);
                System.out.println("authorization matrix on " + server.getClass().getSimpleName() + ": " + table);
                assertThat(mismatches).isEmpty();
                assertThat(party).containsEntry("history", RESULT).containsEntry("transcript", RESULT)
                        .containsEntry("im", RESULT).containsEntry("call", RESULT).containsEntry("export", RESULT)
                        .containsEntry("archive query", RESULT).containsEntry("directory search", RESULT)
                        .containsEntry("execute consult", RESULT).containsEntry("end-consultation", RESULT)
                        .containsEntry("done (consultation)", RESULT)
                        .containsEntry("done (consultation) again", "conflict")
                        .containsEntry("statistics", forbidden).containsEntry("supervise", notFound)
                        .containsEntry("monitor", notFound).containsEntry("execute supervise", notFound);

                // No oracle: a live id that is not yours and an id that never existed get the same words.
                for (String command : List.of("end", "conference")) {
                    Map<String, String> live = new LinkedHashMap<>(Map.of("interaction", interaction));
                    Map<String, String> unknown = new LinkedHashMap<>(Map.of("interaction", "nosuchchat12"));
                    if (command.equals("conference")) {
                        live.put("target", "agent4@localhost");
                        unknown.put("target", "agent4@localhost");
                    }
                    assertThat(text(outsider, ours(command, command, live, "set")))
                            .isEqualTo(text(owner, ours(command, command, unknown, "set")));
                }
                assertThat(text(outsider, ours("im", "im", Map.of("consultation", consultation), "set")))
                        .isEqualTo(text(owner, ours("im", "im", Map.of("consultation", "nosuchconsult"), "set")));

                // Agents' commands are not listed to anyone else (XEP-0050 §2.2).
                String list = "<iq type='get' id='{id}' to='" + SERVICE + "'><query xmlns="
                        + "'http://jabber.org/protocol/disco#items' node='http://jabber.org/protocol/commands'/></iq>";
                for (Party nonAgent : stranger == null ? List.of(contact) : List.of(contact, stranger)) {
                    String id = "authz-" + IDS.incrementAndGet();
                    nonAgent.sendRaw(list.replace("{id}", id));
                    Stanza items = nonAgent.awaitStanza(s -> id.equals(s.getStanzaId()));
                    assertThat(items.toXML().toString()).doesNotContain("node='consult'", "node=\"consult\"");
                }
                String id = "authz-" + IDS.incrementAndGet();
                outsider.sendRaw(list.replace("{id}", id));
                assertThat(outsider.awaitStanza(s -> id.equals(s.getStanzaId())).toXML().toString())
                        .contains("consult");

                // Presence subscriptions get their answer (RFC 6121 §3.2): routing points approve, the service
                // itself is for agents. (A server passes them on to the sessions that asked for the roster.)
                contact.sendRaw("<iq type='get' id='roster-1'><query xmlns='jabber:iq:roster'/></iq>");
                contact.awaitStanza(s -> "roster-1".equals(s.getStanzaId()));
                contact.sendRaw("<presence type='subscribe' to='sales@" + SERVICE + "'/>");
                contact.awaitStanza(s -> s instanceof Presence && ((Presence) s).getType() == Presence.Type.subscribed
                        && s.getFrom().toString().equals("sales@" + SERVICE));
                contact.sendRaw("<presence type='subscribe' to='" + SERVICE + "'/>");
                contact.awaitStanza(s -> s instanceof Presence
                        && ((Presence) s).getType() == Presence.Type.unsubscribed
                        && s.getFrom().toString().equals(SERVICE));
                // Leave contact1's roster as it was for the other scenarios (one item per roster set, RFC 6121 §2.1.5).
                for (String item : List.of("sales@" + SERVICE, SERVICE)) {
                    String removal = "roster-remove-" + IDS.incrementAndGet();
                    contact.sendRaw("<iq type='set' id='" + removal + "'><query xmlns='jabber:iq:roster'><item jid='"
                            + item + "' subscription='remove'/></query></iq>");
                    // Openfire keeps no item for a declined subscription and leaves its removal unanswered.
                    contact.receives(s -> removal.equals(s.getStanzaId()), Duration.ofSeconds(2));
                }
            } finally {
                if (stranger != null) {
                    stranger.close();
                }
            }
        }
    }
}
