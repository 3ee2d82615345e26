package org.chatconsult.widget;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The web chat widget's files and the page that embeds it, the same wherever they are served: inside Openfire
 * on its HTTP binding port, or beside the standalone service.
 */
public final class WidgetPage {
    /** Where the widget's files sit below the serving root, and in the jar. */
    public static final String ROOT = "/chatconsult/widget/";
    public static final String SCRIPT = ROOT + "widget.js";
    private static final Map<String, String> FILES = Map.of(
            SCRIPT, "text/javascript; charset=utf-8",
            ROOT + "widget.css", "text/css; charset=utf-8");

    private WidgetPage() {
    }

    /** What the embedding page tells the widget: where to connect, as whom, and whom to write to. */
    public record Settings(String websocketUrl, String boshUrl, String guestDomain, String routingPoint) {
    }

    /** A file the widget is made of. */
    public record File(String contentType, byte[] content) {
    }

    /** The file at {@code path} (below the serving root), or null for any other path or one not built. */
    public static File file(String path) throws IOException {
        String type = FILES.get(path);
        if (type == null) {
            return null;
        }
        try (InputStream in = WidgetPage.class.getResourceAsStream(path)) {
            return in == null ? null : new File(type, in.readAllBytes());
        }
    }

    /** The tag a site puts on its pages to offer the chat. */
    public static String snippet(String scriptUrl, Settings settings) {
        return "<script src=\"" + attribute(scriptUrl) + "\""
                + " data-websocket=\"" + attribute(settings.websocketUrl()) + "\""
                + " data-bosh=\"" + attribute(settings.boshUrl()) + "\""
                + " data-domain=\"" + attribute(settings.guestDomain()) + "\""
                + " data-routing-point=\"" + attribute(settings.routingPoint()) + "\" defer></script>";
    }

    /** A page that embeds the widget as any site would, showing the tag it uses. */
    public static String page(String scriptUrl, Settings settings) {
        String snippet = snippet(scriptUrl, settings);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>ChatConsult web chat</title>\n"
                + "<style>pre { white-space: pre-wrap; word-break: break-all; }</style>\n</head>\n<body>\n<h1>ChatConsult web chat</h1>\n"
                + "<p>This page embeds the chat widget as any site would, with the tag below.</p>\n"
                + "<pre>" + text(snippet) + "</pre>\n" + snippet + "\n</body>\n</html>\n";
    }

    /** Escapes text for an HTML element's content. */
    public static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }
}
