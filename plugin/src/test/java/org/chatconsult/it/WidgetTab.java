package org.chatconsult.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser tab with a company's page and the chat widget on it, used as a contact uses it: the launcher, the
 * text box, Send, End chat, reloading the page. What it shows is read from the page, and from the widget's
 * {@code ChatConsultWidget.state()} where the page shows it in words.
 */
final class WidgetTab {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver browser;
    private final String handle;

    private WidgetTab(ChromeDriver browser, String handle) {
        this.browser = browser;
        this.handle = handle;
    }

    /** Opens the page in the browser's current tab, opens the widget and waits for it to be connected. */
    static WidgetTab open(ChromeDriver browser, String page) {
        browser.get(page);
        WidgetTab tab = new WidgetTab(browser, browser.getWindowHandle());
        tab.element("chatconsult-launcher").click();
        tab.await("the widget is connected", state -> "connected".equals(state.get("connection")));
        return tab;
    }

    private WidgetTab focus() {
        if (!browser.getWindowHandle().equals(handle)) {
            browser.switchTo().window(handle);
        }
        return this;
    }

    WebElement element(String id) {
        return focus().browser.findElement(By.id(id));
    }

    /** Types a line and presses Send. */
    void say(String text) {
        WebElement input = element("chatconsult-input");
        input.sendKeys(text);
        element("chatconsult-send").click();
    }

    /** Types without sending: what the agent sees as her typing. */
    void type(String text) {
        element("chatconsult-input").sendKeys(text);
    }

    void end() {
        element("chatconsult-end").click();
    }

    void reload() {
        focus().browser.navigate().refresh();
        await("the widget is back", state -> "connected".equals(state.get("connection")));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state() {
        Object state = focus().browser.executeScript("return window.ChatConsultWidget && ChatConsultWidget.state();");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines() {
        Object lines = state().get("lines");
        return lines == null ? List.of() : (List<Map<String, Object>>) lines;
    }

    /** The texts of the lines shown, in order. */
    List<String> texts() {
        return lines().stream().map(line -> String.valueOf(line.get("text"))).toList();
    }

    String status() {
        return element("chatconsult-status").getText();
    }

    /** Waits until the widget's state satisfies {@code condition}; fails naming what it waited for. */
    void await(String what, Predicate<Map<String, Object>> condition) {
        try {
            new WebDriverWait(browser, WAIT).until(driver -> condition.test(state()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the widget never showed that " + what + "; its state: " + state(), e);
        }
    }

    void awaitLine(String text) {
        await("\"" + text + "\" is in the chat", state -> texts().contains(text));
    }
}
