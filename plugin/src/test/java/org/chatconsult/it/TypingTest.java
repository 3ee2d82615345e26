package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.junit.jupiter.api.TestTemplate;

/** Typing notifications (XEP-0085) cross the bridge both ways, once per change, and stay out of the transcript. */
@OnBothServers
class TypingTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@consult.localhost";
    private static final String NS_CHATSTATES = "http://jabber.org/protocol/chatstates";

    private static Message chatState(String to, Message.Type type, ChatState state) {
        return StanzaBuilder.buildMessage().to(Party.jid(to)).ofType(type).addExtension(new ChatStateExtension(state))
                .build();
    }

    private static boolean carries(Stanza stanza, ChatState state) {
        return stanza instanceof Message && ((Message) stanza).getBody() == null
                && stanza.getExtensionElement(state.name(), NS_CHATSTATES) != null;
    }

    @TestTemplate
    void aBridgedContactsTypingIsSaidInTheRoomAndAnAgentsReachesHer(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            contact.chat(SUPPORT, "hello");
            String room = Party.attr(agent.awaitElement("offer"), "offer", "room");
            agent.join(room, "Agent 3");
            contact.awaitBody("has joined the chat");

            int mark = agent.mark();
            contact.send(chatState(SUPPORT, Message.Type.chat, ChatState.composing));
            contact.send(chatState(SUPPORT, Message.Type.chat, ChatState.composing)); // a repeat: dropped
            contact.send(chatState(SUPPORT, Message.Type.chat, ChatState.paused));
            Stanza paused = agent.awaitSince(mark, s -> carries(s, ChatState.paused), Party.WAIT);
            assertThat(((Message) paused).getType()).isEqualTo(Message.Type.groupchat);
            assertThat(paused.getFrom().toString()).isEqualTo(room + "/contact1");
            assertThat(agent.receivedSince(mark)).filteredOn(s -> carries(s, ChatState.composing)).hasSize(1);

            // After a line of hers, her next composing is news again.
            contact.chat(SUPPORT, "my order is 4711");
            agent.awaitBody("my order is 4711");
            int afterLine = agent.mark();
            contact.send(chatState(SUPPORT, Message.Type.chat, ChatState.composing));
            agent.awaitSince(afterLine, s -> carries(s, ChatState.composing), Party.WAIT);

            int contactMark = contact.mark();
            agent.send(chatState(room, Message.Type.groupchat, ChatState.composing));
            agent.send(chatState(room, Message.Type.groupchat, ChatState.composing));
            agent.send(chatState(room, Message.Type.groupchat, ChatState.active));
            Stanza active = contact.awaitSince(contactMark, s -> carries(s, ChatState.active), Party.WAIT);
            assertThat(active.getFrom().toString()).isEqualTo(SUPPORT);
            assertThat(((Message) active).getType()).isEqualTo(Message.Type.chat);
            assertThat(contact.receivedSince(contactMark)).filteredOn(s -> carries(s, ChatState.composing))
                    .hasSize(1);

            // Not a line of the chat: no empty line in the chat's record.
            String id = room.substring(0, room.indexOf('@'));
            var export = agent.command("export", java.util.Map.of("interaction", id, "format", "text"),
                    org.jivesoftware.smack.packet.IQ.Type.get);
            String transcript = Party.ext(export, "export").getText();
            assertThat(transcript).contains("hello", "my order is 4711");
            assertThat(transcript.lines()).as(transcript).noneMatch(line -> line.endsWith("): "));
        }
    }
}
