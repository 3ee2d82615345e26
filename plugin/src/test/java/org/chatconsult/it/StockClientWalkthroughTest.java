package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.TestTemplate;

/**
 * The seed's flow from stock clients alone, as docs/clients.md tells it: an agent and a consultation target on
 * clients that show bodies, invitation reasons, presence status and ad-hoc command forms, and a contact on a
 * client that joins the room she is invited to. Nobody reads our own elements. On Prosody the run writes what
 * each of them saw into docs/clients.md.
 */
@OnBothServers
class StockClientWalkthroughTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SALES = "sales@" + TestServer.SERVICE;

    @TestTemplate
    void theSeedsFlowFromStockClients(TestServer server) throws Exception {
        try (StockClient alice = new StockClient(server.connect("agent1"), server.displayName("agent1"));
                StockClient dora = new StockClient(server.connect("agent4"), server.displayName("agent4"));
                StockClient carol = new StockClient(server.connect("contact1"), "carol");
                TestServer.Service service = server.service(withDispositions())) {
            Map<String, String> rooms = new LinkedHashMap<>();
            // Readiness is the client's own presence once the service is on its roster.
            alice.addToRoster(TestServer.SERVICE);
            dora.addToRoster(TestServer.SERVICE);
            alice.awaitScreen(TestServer.SERVICE + " is online: Ready");
            dora.awaitScreen(TestServer.SERVICE + " is online: Ready");

            // The contact writes to the routing point; the agent sees the offer as an invitation and joins.
            carol.type(SALES, "Hello, my parcel 4711 never arrived.");
            String chat = alice.invitationTo("parcel 4711");
            rooms.put(chat, "<chat room>");
            assertThat(alice.awaitScreen("Join within")).contains("invitation to " + chat).contains("Sales");
            alice.join(chat);
            carol.join(carol.invitationTo("")); // the room invites her (XEP-0045 §7.8.2)
            carol.awaitScreen("Hello, my parcel 4711 never arrived.");
            alice.type(chat, "Hello Carol, let me check that for you.");
            carol.awaitScreen("Hello Carol, let me check");

            // The agent finds the target in the Team Communicator, with her readiness, and consults about the chat.
            CommandWindow team = CommandWindow.open(alice, "Team Communicator").fill("Name", dora.nick()).next();
            assertThat(team.options("Target")).anyMatch(label -> label.startsWith(dora.nick()) && label.contains("Ready"));
            team.choose("Target", dora.nick()).choose("What to do", "Consult").next().choose("Chat", "parcel 4711")
                    .finish();
            assertThat(team.finished()).isTrue();
            String consultation = dora.invitationTo(alice.nick());
            rooms.put(consultation, "<consultation room>");
            assertThat(dora.awaitScreen("asks you to consult")).contains("invitation to " + consultation).contains("parcel 4711");
            dora.join(consultation);
            dora.awaitScreen("Hello, my parcel 4711 never arrived.");
            assertThat(alice.invitationTo("accepted your consultation")).isEqualTo(consultation);
            alice.join(consultation);
            alice.type(consultation, "Can we refund parcel 4711?");
            dora.awaitScreen("Can we refund parcel 4711?");
            dora.type(consultation, "Yes, a refund is fine.");
            alice.awaitScreen("Yes, a refund is fine.");

            // The contact's line reaches the consultation live, read-only; so does one she writes 1:1 meanwhile.
            carol.type(chat, "Are you still there?");
            dora.awaitScreen("Are you still there?");
            carol.type(SALES, "It was a blue box.");
            alice.awaitScreen("carol (by message): It was a blue box.");
            dora.awaitScreen("It was a blue box.");

            // The target ends the consultation with the end word: '/end' would be her client's own command.
            assertThat(dora.type(consultation, "/end")).as("a client keeps /end for itself").isFalse();
            dora.type(consultation, "!end");
            alice.awaitScreen("room closed");
            for (StockClient agent : List.of(alice, dora)) {
                CommandWindow done = CommandWindow.open(agent, "Mark a consultation done")
                        .choose("Consultation", "parcel").choose("Disposition", "resolved").fill("Note", "Refund")
                        .finish();
                assertThat(done.notes()).containsExactly("Marked done.");
            }

            // The agent marks the chat done with its disposition, which ends it; the contact is told.
            alice.type(chat, "The refund is on its way. Goodbye!");
            carol.awaitScreen("The refund is on its way");
            CommandWindow.open(alice, "Mark a chat done").choose("Chat", "parcel 4711").choose("Disposition", "resolved")
                    .fill("Note", "Refund for parcel 4711").finish();
            carol.awaitScreen("This chat has ended");
            alice.awaitScreen("room closed: The agent ended the chat.");

            // Their clients rejoin their bookmarks at the next login: the rooms stay closed, with their reasons.
            for (StockClient party : List.of(carol, alice, dora)) {
                party.joinBookmarks();
                party.awaitScreen("could not join");
            }

            // Nothing of the consultation reached the contact.
            carol.party().barrier();
            assertThat(carol.screen()).noneMatch(line -> line.contains("refund is fine") || line.contains("Can we"));

            if (server.getClass() == TestServer.class) {
                write(rooms, Map.of("Agent (Agent 1)", alice, "Target (Agent 4)", dora, "Contact (carol)", carol));
            }
        }
    }

    private static org.chatconsult.core.Settings withDispositions() {
        org.chatconsult.core.Settings base = TestServer.settings(LONG, LONG, 3);
        return new org.chatconsult.core.Settings(base.offerTimeout(), base.maxQueueWait(), base.defaultCapacity(),
                base.maxInteractions(), java.util.Set.of("resolved", "refund", "escalated"));
    }

    /** Replaces the transcript block of docs/clients.md with what each party's client showed. */
    private static void write(Map<String, String> rooms, Map<String, StockClient> parties) throws Exception {
        Path doc = Path.of("..", "docs", "clients.md");
        String begin = "<!-- transcript: begin -->";
        String end = "<!-- transcript: end -->";
        if (!Files.exists(doc)) {
            return;
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(begin);
        for (String who : List.of("Agent (Agent 1)", "Target (Agent 4)", "Contact (carol)")) {
            out.add("");
            out.add("### " + who);
            out.add("");
            out.add("```");
            for (String line : parties.get(who).screen()) {
                for (Map.Entry<String, String> room : rooms.entrySet()) {
                    line = line.replace(room.getKey(), room.getValue())
                            .replace(Party.room(room.getKey()).getLocalpart().toString(), room.getValue());
                }
                out.add(line);
            }
            out.add("```");
        }
        out.add(end);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            Files.writeString(doc, text.substring(0, from) + String.join("\n", out) + text.substring(to + end.length()),
                    StandardCharsets.UTF_8);
        }
    }
}
