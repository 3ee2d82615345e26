package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.api.TestTemplate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The seed's flow in the agent workspace, in real headless Chromium: two agents, each in a browser of her own,
 * and a contact on Smack. The offer is accepted in the browser, the consultation started from the Team
 * Communicator, accepted in the other browser with the chat's history and then its live lines, both mark it
 * done, and the chat ends with a disposition; the consultation sits under its chat, and the contact receives
 * nothing of it.
 */
@OnBothServers
class WorkspaceTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SUPPORT = "support@" + TestServer.SERVICE;

    /** The contact writes; the agent accepts the offer in her browser and has the chat's tab. */
    private static WebElement acceptChat(WorkspaceTab agent, Party contact, String line) throws Exception {
        contact.chat(SUPPORT, line);
        agent.awaitText(".offer-chat", line).findElement(By.cssSelector(".accept")).click();
        return agent.awaitText("article.chat", line);
    }

    /** The chat's {@code action} button opens the Team Communicator; a search finds agent4, Ready. */
    private static WebElement findReadyColleague(WorkspaceTab agent, WebElement chat, String action) {
        chat.findElement(By.cssSelector(".actions ." + action)).click();
        agent.await(".team-communicator #team-search").sendKeys("agent4");
        return agent.awaitText(".team-communicator .results .target", "ready");
    }

    @TestTemplate
    void twoAgentsRunAChatConsultationFromTheirBrowsers(TestServer server) throws Exception {
        ChromeDriver agentBrowser = Browser.open();
        ChromeDriver targetBrowser = Browser.open();
        try (Party contact = server.connectPlain("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            WorkspaceTab alice = WorkspaceTab.login(agentBrowser, server.workspacePage(), "agent3");
            WorkspaceTab dora = WorkspaceTab.login(targetBrowser, server.workspacePage(), "agent4");
            alice.ready();
            dora.ready();

            // The offer, with its preview and deadline, accepted in the browser.
            contact.chat(SUPPORT, "Hello, my parcel is late");
            WebElement offer = alice.awaitText(".offer-chat", "Hello, my parcel is late");
            assertThat(offer.findElement(By.cssSelector(".countdown")).getText()).matches("\\d+ s");
            offer.findElement(By.cssSelector(".accept")).click();
            WebElement chat = alice.awaitText("article.chat", "Hello, my parcel is late");
            String interaction = chat.getAttribute("data-interaction");
            contact.awaitBody("has joined the chat.");
            WorkspaceTab.say(chat, "Let me check that for you");
            contact.awaitBody("Let me check that for you");

            // The Team Communicator, opened from the chat's Consult button: search as you type, then Consult.
            WebElement target = findReadyColleague(alice, chat, "consult");
            assertThat(target.getAttribute("data-jid")).isEqualTo("agent4@" + TestServer.DOMAIN);
            if (server.getClass() == TestServer.class) {
                alice.screenshot("workspace-team-communicator.png");
            }
            target.findElement(By.cssSelector(".pick")).click();

            // The target's request, with its preview, accepted in the other browser: history, then live lines.
            WebElement request = dora.awaitText(".offer-consultation", "Hello, my parcel is late");
            request.findElement(By.cssSelector(".accept")).click();
            WebElement consulted = dora.await(".consulted .consultation");
            dora.awaitText(".consulted .mirrored", "Hello, my parcel is late");
            dora.awaitText(".consulted .mirrored", "Let me check that for you");
            contact.chat(SUPPORT, "It was due on Monday");
            dora.awaitText(".consulted .mirrored", "It was due on Monday");
            alice.awaitText("article.chat .chat-transcript", "It was due on Monday");

            // The consultation's own conversation, under its chat on the initiator's side.
            WebElement pane = alice.awaitText("#chat-" + interaction + " .consultations .consultation", "active");
            WorkspaceTab.say(pane, "Can we refund it?");
            dora.awaitText(".consulted .conversation", "Can we refund it?");
            WorkspaceTab.say(consulted, "Yes, refund it");
            alice.awaitText("#chat-" + interaction + " .consultations .conversation", "Yes, refund it");
            assertThat(pane.getAttribute("data-interaction")).isEqualTo(interaction);
            assertThat(alice.find("#chat-" + interaction + " .chat-transcript").getText())
                    .doesNotContain("Can we refund it?", "Yes, refund it");
            if (server.getClass() == TestServer.class) {
                alice.screenshot("workspace-agent.png");
                dora.screenshot("workspace-target.png");
            }

            // Both mark it done; then the chat is done with a disposition, and ends.
            consulted.findElement(By.cssSelector(".done-consultation")).click();
            WorkspaceTab.markDone(consulted, "advised", "Refund is fine");
            alice.awaitText("#chat-" + interaction + " .consultation .consultation-state", "ended");
            pane.findElement(By.cssSelector(".done-consultation")).click();
            WorkspaceTab.markDone(pane, "resolved", "Manager agreed");
            alice.awaitText("#chat-" + interaction + " .consultation .consultation-state", "done");
            chat.findElement(By.cssSelector(".actions .done-chat")).click();
            WorkspaceTab.markDone(chat, "refund", "Refund issued");
            contact.awaitBody("This chat has ended.");
            alice.awaitText("#chat-" + interaction + " .chat-state", "ended");

            // Nothing of the consultation reached the contact.
            for (Stanza received : contact.received()) {
                String xml = received.toXML().toString();
                assertThat(xml).doesNotContain("Can we refund it?", "Yes, refund it", "consultation", "Transcript");
            }
            assertThat(contact.received()).filteredOn(s -> s instanceof Message m && m.getBody() != null
                    && m.getBody().contains("Let me check that for you")).isNotEmpty();
        } finally {
            agentBrowser.quit();
            targetBrowser.quit();
        }
    }

    @TestTemplate
    void aSupervisorMonitorsAndWhispersThenTheChatIsTransferredToHer(TestServer server) throws Exception {
        ChromeDriver agentBrowser = Browser.open();
        ChromeDriver supervisorBrowser = Browser.open();
        try (Party contact = server.connectPlain("contact3");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            WorkspaceTab alice = WorkspaceTab.login(agentBrowser, server.workspacePage(), "agent3");
            WorkspaceTab sue = WorkspaceTab.login(supervisorBrowser, server.workspacePage(), "agent4");
            alice.ready();
            WebElement chat = acceptChat(alice, contact, "Where is my order?");
            String interaction = chat.getAttribute("data-interaction");

            // The live list, a monitor of the chat, a whisper the agent is told of.
            sue.await("[data-tab=live]").click();
            WebElement row = sue.awaitText(".live-chats tr[data-interaction='" + interaction + "']",
                    server.displayName("agent3"));
            row.findElement(By.cssSelector(".monitor")).click();
            WebElement supervision = sue.awaitText(".supervision .mirrored", "Where is my order?");
            WorkspaceTab.say(chat, "Looking into it");
            sue.awaitText(".supervision .mirrored", "Looking into it");
            WorkspaceTab.say(sue.find(".supervision"), "Offer the voucher");
            alice.awaitText("#chat-" + interaction + " .chat-note", "whispers");
            assertThat(supervision.isDisplayed()).isTrue();
            sue.find(".supervision .leave").click();
            sue.ready();

            // A warm transfer from the Team Communicator: she accepts it and has the chat with its history.
            findReadyColleague(alice, chat, "warm-transfer").findElement(By.cssSelector(".pick")).click();
            sue.awaitText(".offer-warm-transfer", "contact3").findElement(By.cssSelector(".accept")).click();
            WebElement taken = sue.awaitText("article.chat", "Looking into it");
            alice.awaitText("#chat-" + interaction + " .chat-note", "accepted");
            contact.chat(SUPPORT, "Thanks");
            sue.awaitText("article.chat .chat-transcript", "Thanks");
            taken.findElement(By.cssSelector(".actions .end-chat")).click();
            contact.awaitBody("This chat has ended.");
            for (Stanza received : contact.received()) {
                assertThat(received.toXML().toString()).doesNotContain("Offer the voucher", "whisper", "supervis");
            }
        } finally {
            agentBrowser.quit();
            supervisorBrowser.quit();
        }
    }

    @TestTemplate
    void aConferenceFromTheTeamCommunicatorWithAFavoriteAndTheRecentTarget(TestServer server) throws Exception {
        ChromeDriver agentBrowser = Browser.open();
        ChromeDriver colleagueBrowser = Browser.open();
        try (Party contact = server.connectPlain("contact4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            WorkspaceTab alice = WorkspaceTab.login(agentBrowser, server.workspacePage(), "agent3");
            WorkspaceTab dora = WorkspaceTab.login(colleagueBrowser, server.workspacePage(), "agent4");
            alice.ready();
            dora.ready();
            WebElement chat = acceptChat(alice, contact, "Can someone else help too?");

            // Conference: she finds her colleague, makes her a favorite, and brings her in.
            WebElement found = findReadyColleague(alice, chat, "conference");
            found.findElement(By.cssSelector(".favorite")).click();
            alice.await(".team-communicator .results .target .favorite[aria-pressed=true]");
            alice.find(".team-communicator .results .target .pick").click();
            dora.awaitText(".offer-conference", "contact4").findElement(By.cssSelector(".accept")).click();
            WebElement joined = dora.awaitText("article.chat", "Can someone else help too?");
            WorkspaceTab.say(joined, "Hello, I am here too");
            contact.awaitBody("Hello, I am here too");
            alice.awaitText("article.chat .chat-transcript", "Hello, I am here too");

            // With nothing typed, the Team Communicator shows her favorite and her recent target.
            chat.findElement(By.cssSelector(".actions .consult")).click();
            String colleague = "[data-jid='agent4@" + TestServer.DOMAIN + "']";
            alice.await(".team-communicator .favorites .target" + colleague);
            alice.await(".team-communicator .recent .target" + colleague);
            alice.find(".team-communicator .close").click();

            chat.findElement(By.cssSelector(".actions .end-chat")).click();
            contact.awaitBody("This chat has ended.");
            alice.awaitText("article.chat .chat-state", "ended");
        } finally {
            agentBrowser.quit();
            colleagueBrowser.quit();
        }
    }
}
