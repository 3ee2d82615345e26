package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.TestTemplate;

/**
 * A web contact reloads her page and comes back on a new anonymous address with her chat's token: the chat goes on
 * there, she hears again what was said since her last line, and the old address hears nothing more.
 */
@OnBothServers
class ResumeTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@consult.localhost";

    private static Message resume(String token) {
        return StanzaBuilder.buildMessage().to(Party.jid(SUPPORT)).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("resume", Party.NS).addAttribute("token", token).build())
                .build();
    }

    private static Party guest(TestServer server) throws Exception {
        return server.connectGuest();
    }

    private static StanzaError.Condition refusal(Party party, int mark) throws InterruptedException {
        Message error = (Message) party.awaitSince(mark, s -> s instanceof Message
                && ((Message) s).getType() == Message.Type.error, Party.WAIT);
        return error.getError().getCondition();
    }

    @TestTemplate
    void aReloadedPageTakesItsChatUpAgainWithTheToken(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party before = guest(server);
                Party after = guest(server);
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            before.chat(SUPPORT, "hello");
            Message welcome = before.awaitElement("resume");
            String token = Party.attr(welcome, "resume", "token");
            assertThat(token).matches("[A-Za-z0-9_-]{22,}");
            String room = Party.attr(agent.awaitElement("offer"), "offer", "room");
            assertThat(Party.attr(welcome, "resume", "interaction")).isEqualTo(room.substring(0, room.indexOf('@')));
            MultiUserChat muc = agent.join(room, "Agent 3");
            before.awaitBody("has joined the chat");
            muc.sendMessage("What is your order number?");
            before.awaitBody(server.displayName("agent3") + ": What is your order number?");

            int oldMark = before.mark();
            int newMark = after.mark();
            after.send(resume(token));
            after.awaitSince(newMark, s -> s instanceof Message && "Welcome back.".equals(((Message) s).getBody()),
                    Party.WAIT);
            String question = server.displayName("agent3") + ": What is your order number?";
            Message again = (Message) after.awaitSince(newMark, s -> s instanceof Message
                    && question.equals(((Message) s).getBody()), Party.WAIT);
            assertThat(again.getFrom().toString()).isEqualTo(SUPPORT);

            // The chat goes on at the new address, both ways.
            after.chat(SUPPORT, "It is 4711");
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && "It is 4711".equals(m.getBody()));
            muc.sendMessage("Found it.");
            after.awaitBody(server.displayName("agent3") + ": Found it.");
            before.barrier();
            assertThat(before.receivedSince(oldMark)).noneMatch(s -> s instanceof Message
                    && ((Message) s).getType() != Message.Type.error && s.getFrom().toString().equals(SUPPORT));

            // Wrong, overlong and (once the chat ended) spent tokens are refused.
            int mark = after.mark();
            after.send(resume("A".repeat(22)));
            assertThat(refusal(after, mark)).isEqualTo(StanzaError.Condition.item_not_found);
            mark = after.mark();
            after.send(resume("A".repeat(65)));
            assertThat(refusal(after, mark)).isEqualTo(StanzaError.Condition.not_acceptable);

            after.chat(SUPPORT, "!end");
            assertThat(Party.attr(after.awaitElement("ended"), "ended", "reason")).isEqualTo("contact-left");
            mark = after.mark();
            after.send(resume(token));
            Message spent = (Message) after.awaitSince(mark, s -> s instanceof Message
                    && ((Message) s).getType() == Message.Type.error, Party.WAIT);
            assertThat(spent.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(spent.getError().getDescriptiveText()).contains("token");
        }
    }

    @TestTemplate
    void aPageClosedMidChatHasOneContactCheckToComeBack(TestServer server) throws Exception {
        try (Party agent = server.connect("agent3");
                Party after = guest(server);
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3),
                        Duration.ofSeconds(3))) {
            agent.ready(1);
            String token;
            MultiUserChat muc;
            try (Party before = guest(server)) {
                before.chat(SUPPORT, "hello");
                token = Party.attr(before.awaitElement("resume"), "resume", "token");
                muc = agent.join(Party.attr(agent.awaitElement("offer"), "offer", "room"), "Agent 3");
                before.awaitBody("has joined the chat");
            }
            // The page is gone: what the agent says now bounces, and the next ping fails.
            muc.sendMessage("Are you there?");
            agent.receives(s -> false, Duration.ofSeconds(1));
            int mark = after.mark();
            after.send(resume(token));
            String again = server.displayName("agent3") + ": Are you there?";
            after.awaitSince(mark, s -> s instanceof Message && again.equals(((Message) s).getBody()), Party.WAIT);
            after.chat(SUPPORT, "Yes, I reloaded the page.");
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat
                    && "Yes, I reloaded the page.".equals(m.getBody()));
            // Past the contact check she is still in her chat.
            assertThat(after.receives(s -> s.hasExtension("ended", Party.NS), Duration.ofSeconds(4))).isFalse();
        }
    }
}
