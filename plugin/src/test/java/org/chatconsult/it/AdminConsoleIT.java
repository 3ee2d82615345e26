package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.packet.OfferExtension;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plugin's admin console pages in a real headless browser (Debian's Chromium, driven by Selenium) against
 * the running Openfire: an admin logs in, uploads the plugin, changes the settings and sees them take effect
 * on the service; a form without Openfire's CSRF token changes nothing; the live page shows a running chat;
 * deleting the plugin leaves no thread of it running and no service registered.
 * Skipped, saying so, where Chromium and its driver are not installed.
 */
@Tag("openfire")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {
    private static final String CONSOLE = "http://localhost:9090/";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.open();
        OpenfireFixture.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        browser.get(CONSOLE + "login.jsp");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("admin");
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().contains("index.jsp"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        OpenfireFixture.stop();
    }

    @Test
    @Order(1)
    void thePluginIsUploadedThroughTheConsoleAndServes() throws Exception {
        browser.get(CONSOLE + "plugin-admin.jsp");
        Path log = OpenfireFixture.logFile();
        long offset = Files.size(log);
        WebElement upload = browser.findElement(By.name("uploadfile"));
        upload.sendKeys(OpenfireFixture.pluginJar().toString());
        upload.submit();
        // Openfire takes the uploaded jar in place of the installed one and loads it again: its log says when.
        Await.until(Duration.ofSeconds(90), "Openfire loads the uploaded plugin", () -> Files.size(log) > offset
                && Files.readString(log).substring((int) offset).contains("Successfully loaded plugin 'chatconsult"));
        RestartTest.waitLong(() -> {
            browser.get(CONSOLE + "plugin-admin.jsp");
            return browser.getPageSource().contains("ChatConsult");
        });
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        try {
            RestartTest.waitLong(() -> {
                try {
                    return ServiceDiscoveryManager.getInstanceFor(alice)
                            .discoverInfo(JidCreate.from("consult.localhost")).containsFeature("urn:chatconsult:0");
                } catch (Exception notYet) {
                    return false;
                }
            });
        } finally {
            alice.disconnect();
        }
    }

    @Test
    @Order(2)
    void savedSettingsTakeEffectOnTheService() throws Exception {
        browser.get(CONSOLE + "plugins/chatconsult/chatconsult-settings");
        assertThat(browser.getTitle()).contains("ChatConsult settings");
        // The console draws its own frame around the page: the sidebar holds both of the plugin's pages.
        assertThat(browser.findElement(By.id("jive-sidebar")).getText()).contains("Settings", "Live");
        WebElement points = browser.findElement(By.id("routingPoints"));
        points.clear();
        points.sendKeys("support | Support | agents\nbilling | Billing | agents");
        replace("offerTimeout", "45");
        replace("dispositions", "resolved, callback");
        screenshot("settings.png");
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.id("saved")).getText()).contains("saved");
        assertThat(browser.findElement(By.id("offerTimeout")).getAttribute("value")).isEqualTo("45");
        // The web chat's tag for a site, served by the plugin on the public HTTP binding port.
        assertThat(browser.findElement(By.id("webChatSnippet")).getText())
                .contains(":7070/chatconsult/widget/widget.js", "data-routing-point=\"support@consult.localhost\"");

        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        XMPPTCPConnection carol = OpenfireFixture.connect("carol");
        try {
            assertThat(ServiceDiscoveryManager.getInstanceFor(alice).discoverItems(JidCreate.from("consult.localhost"))
                    .getItems()).extracting(item -> item.getEntityID().toString())
                    .contains("billing@consult.localhost", "support@consult.localhost");
            AgentDesk desk = new AgentDesk(alice);
            desk.agents.setReady();
            AgentDesk.waitFor(() -> desk.agents.getState() != null);
            carol.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("billing@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("A question about my bill").build());
            OfferExtension offer = desk.next(desk.chats);
            assertThat(offer.getRoutingPointName()).isEqualTo("Billing");
            assertThat(Duration.between(offer.getStarted(), offer.getExpires()))
                    .isBetween(Duration.ofSeconds(44), Duration.ofSeconds(46));
            Interaction chat = desk.agents.accept(offer, "Alice");

            // The live page shows the agent and the chat.
            browser.get(CONSOLE + "plugins/chatconsult/chatconsult-live");
            assertThat(browser.findElement(By.id("agents")).getText()).contains("alice@localhost", "ready", "1 / 3");
            assertThat(browser.findElement(By.id("chats")).getText()).contains(chat.getId(), "billing",
                    "alice@localhost");
            screenshot("live.png");
            chat.end();
        } finally {
            alice.disconnect();
            carol.disconnect();
        }
    }

    @Test
    @Order(3)
    void aFormWithoutTheConsolesCsrfTokenChangesNothing() throws Exception {
        browser.get(CONSOLE + "plugins/chatconsult/chatconsult-settings");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('input[name=csrf]').value = 'forged';");
        replace("offerTimeout", "99");
        browser.findElement(By.id("save")).click();
        browser.get(CONSOLE + "plugins/chatconsult/chatconsult-settings");
        assertThat(browser.findElement(By.id("offerTimeout")).getAttribute("value")).isNotEqualTo("99");
    }

    @Test
    @Order(4)
    void badValuesAreRefusedWithAClearMessage() {
        browser.get(CONSOLE + "plugins/chatconsult/chatconsult-settings");
        replace("capacity", "0");
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.id("error")).getText()).contains("capacity");
        browser.get(CONSOLE + "plugins/chatconsult/chatconsult-settings");
        assertThat(browser.findElement(By.id("capacity")).getAttribute("value")).isEqualTo("3");
    }

    @Test
    @Order(5)
    void deletingThePluginLeavesNoThreadAndNoServiceBehind() throws Exception {
        browser.get(CONSOLE + "plugin-admin.jsp");
        browser.findElement(By.cssSelector("input[alt='Delete ChatConsult']")).click();
        browser.switchTo().alert().accept();
        RestartTest.waitLong(() -> {
            try {
                return OpenfireFixture.threads("chatconsult-") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        XMPPTCPConnection alice = OpenfireFixture.connect("alice");
        try {
            assertThat(ServiceDiscoveryManager.getInstanceFor(alice).discoverItems(JidCreate.from("localhost"))
                    .getItems()).extracting(item -> item.getEntityID().toString()).doesNotContain("consult.localhost");
        } finally {
            alice.disconnect();
        }
    }

    private static void replace(String field, String value) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
