package org.chatconsult.web;

import java.io.IOException;
import java.util.Map;

/**
 * The web chat widget's files and the page that embeds it, the same wherever they are served: inside Openfire
 * on its HTTP binding port, or beside the standalone service.
 */
public final class WidgetPage {
    /** Where the widget's files sit below the serving root, and in the jar. */
    public static final String ROOT = "/chatconsult/widget/";
    public static final String SCRIPT = ROOT + "widget.js";
    private static final PackagedFiles FILES = new PackagedFiles(Map.of(
            SCRIPT, PackagedFiles.JAVASCRIPT,
            ROOT + "widget.css", PackagedFiles.CSS));

    private WidgetPage() {
    }

    /** What the embedding page tells the widget: where to connect, as whom, and whom to write to. */
    public record Settings(String websocketUrl, String boshUrl, String guestDomain, String routingPoint) {
    }

    /** The file at {@code path} (below the serving root), or null for any other path or one not built. */
    public static PackagedFiles.File file(String path) throws IOException {
        return FILES.file(path);
    }

    /** The tag a site puts on its pages to offer the chat. */
    public static String snippet(String scriptUrl, Settings settings) {
        return "<script src=\"" + Html.attribute(scriptUrl) + "\""
                + " data-websocket=\"" + Html.attribute(settings.websocketUrl()) + "\""
                + " data-bosh=\"" + Html.attribute(settings.boshUrl()) + "\""
                + " data-domain=\"" + Html.attribute(settings.guestDomain()) + "\""
                + " data-routing-point=\"" + Html.attribute(settings.routingPoint()) + "\" defer></script>";
    }

    /** A page that embeds the widget as any site would, showing the tag it uses. */
    public static String page(String scriptUrl, Settings settings) {
        String snippet = snippet(scriptUrl, settings);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>ChatConsult web chat</title>\n"
                + "<style>pre { white-space: pre-wrap; word-break: break-all; }</style>\n</head>\n<body>\n<h1>ChatConsult web chat</h1>\n"
                + "<p>This page embeds the chat widget as any site would, with the tag below.</p>\n"
                + "<pre>" + Html.text(snippet) + "</pre>\n" + snippet + "\n</body>\n</html>\n";
    }
}
