package org.chatconsult.web;

import java.io.IOException;
import java.util.Map;

/**
 * The agent workspace's files and its page, the same wherever they are served: inside Openfire on its HTTP binding
 * port, or beside the standalone service. Agents log in there with their own XMPP account.
 */
public final class WorkspacePage {
    /** Where the page and the workspace's files sit below the serving root, and the files in the jar. */
    public static final String ROOT = "/chatconsult/workspace/";
    public static final String SCRIPT = ROOT + "workspace.js";
    public static final String STYLESHEET = ROOT + "workspace.css";
    private static final PackagedFiles FILES = new PackagedFiles(Map.of(
            SCRIPT, PackagedFiles.JAVASCRIPT,
            STYLESHEET, PackagedFiles.CSS));

    /**
     * Agents type their passwords into the page, so no other site may frame it (clickjacking): the header and
     * its CSP form (frame-ancestors), for browsers old and new.
     */
    public static final Map<String, String> HEADERS = Map.of("X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'");

    private WorkspacePage() {
    }

    /**
     * What the page tells the workspace: where to connect, the domain agents log in to (a bare user name gets it
     * appended) and the ChatConsult service's address (its component's domain, e.g. consult.example.com).
     */
    public record Settings(String websocketUrl, String boshUrl, String domain, String service) {
    }

    /** The file at {@code path} (below the serving root), or null for any other path or one not built. */
    public static PackagedFiles.File file(String path) throws IOException {
        return FILES.file(path);
    }

    /** The page, served at {@link #ROOT}: the files by their paths, so it works on any host that serves them. */
    public static String page(Settings settings) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>ChatConsult agent workspace</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">\n</head>\n<body>\n"
                + "<main id=\"chatconsult-workspace\""
                + " data-websocket=\"" + Html.attribute(settings.websocketUrl()) + "\""
                + " data-bosh=\"" + Html.attribute(settings.boshUrl()) + "\""
                + " data-domain=\"" + Html.attribute(settings.domain()) + "\""
                + " data-service=\"" + Html.attribute(settings.service()) + "\"></main>\n"
                + "<script src=\"" + SCRIPT + "\" defer></script>\n</body>\n</html>\n";
    }
}
