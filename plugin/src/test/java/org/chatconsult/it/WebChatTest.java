package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.TestTemplate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Contacts on the web chat widget in real headless Chromium, agents on Smack: the queue, the chat both ways with
 * typing and delivery marks, the end by either side, BOSH where no WebSocket gets through, a reload in the middle
 * of a chat, twenty contacts at once, and the privacy of consultations down to the WebSocket frames the page
 * receives.
 */
@OnBothServers
class WebChatTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support";

    /** The agent accepts the newest offer by joining its room. */
    private static MultiUserChat accept(Party agent) throws Exception {
        Message offer = agent.awaitElement("offer");
        return agent.join(Party.attr(offer, "offer", "room"), "Agent 3");
    }

    private static boolean groupchat(Message message, String body) {
        return message.getType() == Message.Type.groupchat && body.equals(message.getBody());
    }

    @TestTemplate
    void aWebContactQueuesChatsBothWaysWithTypingAndEndsTheChat(TestServer server) throws Exception {
        ChromeDriver browser = Browser.open();
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            WidgetTab carol = WidgetTab.open(browser, server.webChatPage(SUPPORT));
            carol.say("Hello from the web");
            carol.await("she is first in line", state -> Long.valueOf(1).equals(state.get("position")));
            assertThat(carol.status()).contains("number 1 in line", "Expected wait: about 1 min");

            agent.ready(1);
            MultiUserChat room = accept(agent);
            agent.awaitMessage(m -> groupchat(m, "Hello from the web"));
            carol.await("the agent joined", state -> server.displayName("agent3").equals(state.get("agent")));
            assertThat(carol.status()).contains(server.displayName("agent3"));

            // The agent types, then answers.
            agent.send(StanzaBuilder.buildMessage().to(room.getRoom()).ofType(Message.Type.groupchat)
                    .addExtension(new ChatStateExtension(ChatState.composing)).build());
            carol.await("the agent is typing", state -> Boolean.TRUE.equals(state.get("agentTyping")));
            assertThat(carol.element("chatconsult-typing").isDisplayed()).isTrue();
            room.sendMessage("How can I help?");
            carol.awaitLine("How can I help?");

            // She types (the agent sees it), then writes: her line is marked delivered once it is in the chat.
            carol.type("Where is");
            agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && m.getBody() == null
                    && m.hasExtension(ChatState.composing.name(), ChatStateExtension.NAMESPACE));
            carol.say(" my parcel?");
            agent.awaitMessage(m -> groupchat(m, "Where is my parcel?"));
            carol.await("her line is delivered", state -> carol.lines().stream().anyMatch(line ->
                    "Where is my parcel?".equals(line.get("text")) && "delivered".equals(line.get("mark"))));
            if (server.getClass() == TestServer.class) {
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Path docs = Path.of("..", "docs", "images");
                if (Files.isDirectory(docs)) {
                    Files.copy(shot, docs.resolve("web-chat.png"), StandardCopyOption.REPLACE_EXISTING);
                }
            }

            // Enter sends, as in any chat box.
            carol.element("chatconsult-input").sendKeys("Thanks!" + Keys.ENTER);
            agent.awaitMessage(m -> groupchat(m, "Thanks!"));

            carol.end();
            carol.await("the chat ended", state -> "contact-left".equals(state.get("ended")));
            agent.awaitBody("This chat has ended. The contact left the chat.");
        } finally {
            browser.quit();
        }
    }

    @TestTemplate
    void theAgentEndsTheChatAndTheWidgetSaysWhy(TestServer server) throws Exception {
        ChromeDriver browser = Browser.open();
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            WidgetTab carol = WidgetTab.open(browser, server.webChatPage(SUPPORT));
            carol.say("Hello");
            MultiUserChat room = accept(agent);
            carol.await("the agent joined", state -> state.get("agent") != null);
            room.sendMessage("!end");
            carol.await("the chat ended", state -> "agent-ended".equals(state.get("ended")));
            assertThat(carol.texts()).doesNotContain("!end");
            assertThat(carol.status()).isNotBlank();
        } finally {
            browser.quit();
        }
    }

    @TestTemplate
    void whereNoWebSocketGetsThroughTheWidgetChatsOverBosh(TestServer server) throws Exception {
        ChromeDriver browser = Browser.open();
        Browser.blockWebSockets(browser);
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            WidgetTab carol = WidgetTab.open(browser, server.webChatPage(SUPPORT));
            assertThat(carol.state().get("transport")).isEqualTo("bosh");
            carol.say("Hello over BOSH");
            MultiUserChat room = accept(agent);
            agent.awaitMessage(m -> groupchat(m, "Hello over BOSH"));
            room.sendMessage("Hello back");
            carol.awaitLine("Hello back");
        } finally {
            browser.quit();
        }
    }

    @TestTemplate
    void aReloadInTheMiddleOfAChatLosesNothing(TestServer server) throws Exception {
        ChromeDriver browser = Browser.open();
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            WidgetTab carol = WidgetTab.open(browser, server.webChatPage(SUPPORT));
            carol.say("Line 1 from the web");
            MultiUserChat room = accept(agent);
            room.sendMessage("Answer 1");
            carol.awaitLine("Answer 1");

            carol.reload();
            room.sendMessage("Answer 2, said around the reload");
            carol.awaitLine("Answer 2, said around the reload");
            carol.say("Line 2 after the reload");
            agent.awaitMessage(m -> groupchat(m, "Line 2 after the reload"));
            room.sendMessage("Answer 3");
            carol.awaitLine("Answer 3");
            List<String> texts = carol.texts();
            for (String line : List.of("Line 1 from the web", "Answer 1", "Answer 2, said around the reload",
                    "Line 2 after the reload", "Answer 3")) {
                assertThat(texts).as("shown once: " + line).filteredOn(line::equals).hasSize(1);
            }
            assertThat(texts.indexOf("Answer 1")).isLessThan(texts.indexOf("Answer 2, said around the reload"));
        } finally {
            browser.quit();
        }
    }

    @TestTemplate
    void twentyWebContactsAtOnce(TestServer server) throws Exception {
        int contacts = 20;
        ChromeDriver browser = Browser.open();
        try (Party agent = server.connect("agent3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, contacts))) {
            agent.ready(contacts);
            List<WidgetTab> tabs = new ArrayList<>();
            for (int i = 1; i <= contacts; i++) {
                if (i > 1) {
                    browser.switchTo().newWindow(WindowType.TAB);
                }
                WidgetTab tab = WidgetTab.open(browser, server.webChatPage(SUPPORT));
                tab.say("I am web contact " + i);
                tabs.add(tab);
            }
            // Twenty offers, one per chat: the agent accepts each by joining its room.
            List<String> offered = Await.value(LONG, () -> {
                List<String> distinct = agent.received().stream().filter(s -> s.hasExtension("offer", Party.NS))
                        .map(s -> Party.attr(s, "offer", "room")).distinct().toList();
                return distinct.size() >= contacts ? distinct : null;
            });
            List<MultiUserChat> rooms = new ArrayList<>();
            for (String room : offered) {
                rooms.add(agent.join(room, "Agent 3"));
            }
            // Each room answers the contact whose line it holds.
            for (MultiUserChat room : rooms) {
                Message first = agent.awaitMessage(m -> m.getType() == Message.Type.groupchat
                        && m.getFrom().asBareJid().equals(room.getRoom()) && m.getBody() != null
                        && m.getBody().startsWith("I am web contact "));
                room.sendMessage("Hello, " + first.getBody().substring("I am ".length()));
            }
            for (int i = 1; i <= contacts; i++) {
                tabs.get(i - 1).awaitLine("Hello, web contact " + i);
            }
        } finally {
            browser.quit();
        }
    }

    @TestTemplate
    void thePageNeverReceivesAByteOfAConsultation(TestServer server) throws Exception {
        ChromeDriver browser = Browser.open();
        Browser.recordWebSocketFrames(browser);
        try (Party agent = server.connect("agent3");
                Party dora = server.connect("agent4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            agent.ready(1);
            dora.ready();
            WidgetTab carol = WidgetTab.open(browser, server.webChatPage(SUPPORT));
            carol.say("Can I get a refund?");
            Message offer = agent.awaitElement("offer");
            String interaction = Party.attr(offer, "offer", "interaction");
            MultiUserChat room = agent.join(Party.attr(offer, "offer", "room"), "Agent 3");
            room.sendMessage("Let me ask a colleague.");
            carol.awaitLine("Let me ask a colleague.");

            String consultation = ConsultationTest.roomOf(ConsultationTest.consult(agent, interaction,
                    "agent4@" + TestServer.DOMAIN));
            MultiUserChat initiatorSide = agent.join(consultation, "Agent 3");
            dora.awaitElement("consultation-offer"); // she is a member once offered
            MultiUserChat targetSide = dora.join(consultation, "Agent 4");
            agent.awaitElement("consultation-accepted");
            initiatorSide.sendMessage("Secret: may we refund order 99?");
            targetSide.sendMessage("Internal only: yes, refund it.");
            dora.awaitMessage(m -> groupchat(m, "Secret: may we refund order 99?"));
            carol.say("Are you still there?");
            dora.awaitMessage(m -> m.getBody() != null && m.getBody().contains("Are you still there?"));
            room.sendMessage("Yes, the refund is approved.");
            carol.awaitLine("Yes, the refund is approved.");

            String consultationId = Party.room(consultation).getLocalpart().toString();
            List<String> received = Browser.frames(browser, true);
            assertThat(received).as("the page received frames").isNotEmpty();
            assertThat(received).noneMatch(frame -> frame.contains("Secret") || frame.contains("Internal only")
                    || frame.contains(consultationId) || frame.contains("consultation")
                    || frame.contains("Agent 4") || frame.contains("agent4"));
        } finally {
            browser.quit();
        }
    }
}
