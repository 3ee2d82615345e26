package org.chatconsult.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its ChromeDriver (Selenium), as the browser tests use it. Where neither is
 * installed the test is skipped, saying so.
 */
final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Wraps the page's WebSocket before any of its scripts run, so a test sees every frame the page received
     * and sent (Chrome DevTools Protocol, Page.addScriptToEvaluateOnNewDocument). Frames are kept in the page's
     * sessionStorage as well, so a reload does not lose those of the page before.
     */
    private static final String FRAME_RECORDER = String.join("\n",
            "(() => {",
            "  const Native = window.WebSocket;",
            "  const kept = JSON.parse(sessionStorage.getItem('__frames') || '[]');",
            "  window.__frames = kept;",
            "  const keep = frame => { kept.push(frame); sessionStorage.setItem('__frames', JSON.stringify(kept)); };",
            "  function Recorded(url, protocols) {",
            "    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);",
            "    socket.addEventListener('message', event => keep({in: true, data: String(event.data)}));",
            "    const send = socket.send.bind(socket);",
            "    socket.send = data => { keep({in: false, data: String(data)}); send(data); };",
            "    return socket;",
            "  }",
            "  Recorded.prototype = Native.prototype;",
            "  Object.assign(Recorded, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});",
            "  window.WebSocket = Recorded;",
            "})();");

    /** A network that lets no WebSocket through (a proxy that refuses them): every one ends unanswered. */
    private static final String WEBSOCKET_BLOCKER = String.join("\n",
            "(() => {",
            "  const Native = window.WebSocket;",
            "  function Refused(url, protocols) { return new Native('ws://127.0.0.1:9/', protocols); }",
            "  Refused.prototype = Native.prototype;",
            "  Object.assign(Refused, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});",
            "  window.WebSocket = Refused;",
            "})();");

    private Browser() {
    }

    /** From now on no page this browser opens gets a WebSocket through: web clients must fall back on BOSH. */
    static void blockWebSockets(ChromeDriver browser) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WEBSOCKET_BLOCKER));
    }

    /** A new headless Chromium with a profile of its own. */
    static ChromeDriver open() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium and ChromeDriver (Debian's chromium, chromium-driver): the browser tests are skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Headless, and quiet on this machine's closed network (no background connections to look up).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
    }

    /** From now on every page this browser opens records its WebSocket frames (see {@link #frames}). */
    static void recordWebSocketFrames(ChromeDriver browser) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FRAME_RECORDER));
    }

    /** Every WebSocket frame the current tab's page received ({@code received}) or sent, in order. */
    @SuppressWarnings("unchecked")
    static List<String> frames(ChromeDriver browser, boolean received) {
        List<Map<String, Object>> frames = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                .executeScript("return window.__frames || [];");
        return frames.stream().filter(frame -> Boolean.valueOf(received).equals(frame.get("in")))
                .map(frame -> String.valueOf(frame.get("data"))).toList();
    }
}
