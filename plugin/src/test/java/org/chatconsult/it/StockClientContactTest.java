package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.TestTemplate;

/**
 * The contact's side from stock clients: the end word they pass on, which is never relayed and ends the chat for
 * everyone with its reason; a line she writes 1:1 while her client sits in the room, kept; lines credited to her
 * name and to the agents' display names; and a destroyed room that a bookmark cannot bring back.
 */
@OnBothServers
class StockClientContactTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@" + TestServer.SERVICE;

    /** Agent 3 on a stock client, a contact on hers, and the service. */
    private record Desk(StockClient agent, StockClient contact, TestServer.Service service) implements AutoCloseable {
        static Desk open(TestServer server, Party contact, String nick) throws Exception {
            return new Desk(new StockClient(server.connect("agent3"), server.displayName("agent3")),
                    new StockClient(contact, nick), server.service(TestServer.settings(LONG, LONG, 3)));
        }

        /** The chat's room, once the agent has accepted it and the contact's client sits in it if it can. */
        String chat(boolean contactJoins) throws Exception {
            return StockClientContactTest.chat(agent, contact, contactJoins);
        }

        @Override
        public void close() throws Exception {
            try (agent; contact; service) {
                // closed in reverse: the service first, as the tests' own try blocks did
            }
        }
    }

    /** Agent 3 (capacity 1) has accepted the contact's chat; the contact's client sits in the room if it can. */
    private static String chat(StockClient agent, StockClient contact, boolean contactJoins) throws Exception {
        agent.party().ready(1);
        contact.type(SUPPORT, "Hello, my order is late.");
        Message offer = agent.party().awaitElement("offer");
        String room = Party.attr(offer, "offer", "room");
        agent.join(room);
        if (contactJoins) {
            contact.join(contact.invitationTo(""));
        } else {
            contact.awaitScreen("has joined the chat");
        }
        return room;
    }

    /** The contact was told why her chat ended, and never shown the agent's end word. */
    private static void toldWithoutTheWord(StockClient contact, String reason) throws Exception {
        contact.awaitScreen("This chat has ended. " + reason);
        contact.party().barrier();
        assertThat(contact.screen()).noneMatch(line -> line.endsWith(": !end"));
    }

    @TestTemplate
    void theEndWordFromTheContactInTheRoomEndsTheChatForEveryone(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connect("contact2"), "carol")) {
            StockClient agent = desk.agent(), carol = desk.contact();
            String room = desk.chat(true);
            assertThat(carol.type(room, "/end")).as("her client keeps /end for itself").isFalse();
            carol.type(room, "!end");
            carol.awaitScreen("This chat has ended. The contact left the chat.");
            agent.awaitScreen("Support: This chat has ended. The contact left the chat.");
            agent.awaitScreen("room closed: The contact left the chat.");
        }
    }

    @TestTemplate
    void theAgentsEndWordNeverReachesTheContact(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connectPlain("contact3"), "dave")) {
            StockClient agent = desk.agent(), bridged = desk.contact();
            String room = desk.chat(false);
            agent.type(room, "One moment please.");
            bridged.awaitScreen(agent.nick() + ": One moment please.");
            agent.type(room, "!end");
            agent.awaitScreen("room closed: The agent ended the chat.");
            toldWithoutTheWord(bridged, "The agent ended the chat.");
        }
    }

    @TestTemplate
    void theAgentEndsUnseenByAPrivateMessageToTheService(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connect("contact2"), "carol")) {
            StockClient agent = desk.agent(), carol = desk.contact();
            String room = desk.chat(true);
            agent.typePrivately(room, "Support", "!end");
            carol.awaitScreen("room closed: The agent ended the chat.");
            toldWithoutTheWord(carol, "The agent ended the chat.");
        }
    }

    @TestTemplate
    void aLineSheWrites1to1FromTheRoomIsKeptUnderHerName(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connect("contact2"), "Carol Smith")) {
            StockClient agent = desk.agent(), carol = desk.contact();
            String room = desk.chat(true);
            // Her first line came 1:1 and is hers, under the name her client gave (XEP-0172), not the service's.
            agent.awaitScreen("] (earlier) Carol Smith (by message): Hello, my order is late.");
            carol.type(SUPPORT, "It was order 99.");
            agent.awaitScreen("Carol Smith (by message): It was order 99.");
            carol.type(room, "Thank you.");
            agent.awaitScreen("Carol Smith: Thank you.");
            carol.party().barrier();
            assertThat(carol.screen()).as("she sits in the room: nothing to tell her")
                    .noneMatch(line -> line.contains("Your message is in the chat"));
        }
    }

    @TestTemplate
    void aContactWhoNeverJoinsTheRoomIsToldOnceWhereTheRepliesAre(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connect("contact2"), "carol")) {
            StockClient agent = desk.agent(), carol = desk.contact();
            agent.party().ready(1);
            carol.type(SUPPORT, "Hello, my order is late.");
            agent.join(Party.attr(agent.party().awaitElement("offer"), "offer", "room"));
            carol.invitationTo(""); // seen, not accepted
            carol.type(SUPPORT, "It was order 99.");
            carol.type(SUPPORT, "Ordered on Monday.");
            agent.awaitScreen("carol (by message): It was order 99.");
            agent.awaitScreen("carol (by message): Ordered on Monday.");
            carol.awaitScreen("Your message is in the chat.");
            carol.party().barrier();
            assertThat(carol.screen()).filteredOn(line -> line.contains("Your message is in the chat.")).hasSize(1);
        }
    }

    @TestTemplate
    void aBookmarkDoesNotBringADestroyedRoomBack(TestServer server) throws Exception {
        try (Desk desk = Desk.open(server, server.connect("contact2"), "carol")) {
            StockClient agent = desk.agent(), carol = desk.contact();
            String room = desk.chat(true);
            CommandWindow.open(agent, "End a chat").choose("Chat", "order is late").finish();
            carol.awaitScreen("room closed: The agent ended the chat.");
            agent.awaitScreen("room closed: The agent ended the chat.");
            // Both clients log in again later and rejoin their bookmarks: the room stays gone, with its reason.
            carol.joinBookmarks();
            agent.joinBookmarks();
            String local = Party.room(room).getLocalpart().toString();
            assertThat(carol.awaitScreen("[" + local + "] could not")).doesNotContain("joined");
            assertThat(agent.awaitScreen("[" + local + "] could not")).doesNotContain("joined");
            EndingTest.assertRoomGone(agent.party(), room);
        }
    }
}
