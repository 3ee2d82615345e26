package org.chatconsult.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One agent's agent workspace in its own headless Chromium, used as she uses it: log in, Ready, the buttons and
 * text boxes of the page. What it shows is read from the page's DOM.
 */
final class WorkspaceTab {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver browser;

    private WorkspaceTab(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Opens the workspace's page and logs in with the user's account (the tests' password is the user name). */
    static WorkspaceTab login(ChromeDriver browser, String page, String user) {
        browser.get(page);
        WorkspaceTab tab = new WorkspaceTab(browser);
        tab.find("#login-user").sendKeys(user);
        tab.find("#login-password").sendKeys(user);
        tab.find("#login-submit").click();
        tab.await(".workspace");
        return tab;
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching {@code css} is shown; fails naming it, with the page's text. */
    WebElement await(String css) {
        return awaitIn(browser, css);
    }

    WebElement awaitIn(SearchContext within, String css) {
        try {
            return new WebDriverWait(browser, WAIT).until(driver -> within.findElements(By.cssSelector(css)).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the workspace never showed " + css + "; it shows: " + pageText(), e);
        }
    }

    /** Waits until the element matching {@code css} shows {@code text} among its text. */
    WebElement awaitText(String css, String text) {
        try {
            return new WebDriverWait(browser, WAIT).until(driver -> driver.findElements(By.cssSelector(css)).stream()
                    .filter(element -> element.getText().contains(text)).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the workspace never showed \"" + text + "\" in " + css + "; it shows: "
                    + pageText(), e);
        }
    }

    String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void ready() {
        find("#ready").click();
        awaitText("#readiness-state", "Ready");
    }

    /** Types a line into the text box of {@code within} and sends it. */
    static void say(WebElement within, String text) {
        WebElement input = within.findElement(By.cssSelector(".composer input"));
        input.sendKeys(text);
        within.findElement(By.cssSelector(".composer button[type=submit]")).click();
    }

    /** Fills the Done form below {@code within} and confirms it. */
    static void markDone(WebElement within, String disposition, String note) {
        within.findElement(By.cssSelector("input[name=disposition]")).sendKeys(disposition);
        within.findElement(By.cssSelector("textarea[name=note]")).sendKeys(note);
        within.findElement(By.cssSelector(".confirm-done")).click();
    }

    /** Keeps a picture of the page for the docs, when the docs folder is there. */
    void screenshot(String name) throws Exception {
        Path docs = Path.of("..", "docs", "images");
        if (Files.isDirectory(docs)) {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), docs.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
