package org.chatconsult.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the web chat widget beside the standalone service, so that it needs no web server of its own: the
 * script at {@code /chatconsult/widget/widget.js}, and at {@code /} a page that embeds it with this server's
 * settings (the snippet a company puts on its own site). Only those files, only GET and HEAD.
 */
public final class WidgetServer implements AutoCloseable {
    static final String SCRIPT_PATH = "/chatconsult/widget/widget.js";
    private static final Map<String, String> FILES = Map.of(
            SCRIPT_PATH, "text/javascript; charset=utf-8",
            "/chatconsult/widget/widget.css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads;
    private final WidgetSettings settings;

    /** What the embedding page tells the widget: where to connect, as whom, and whom to write to. */
    public record WidgetSettings(String websocketUrl, String boshUrl, String guestDomain, String routingPoint) {
    }

    private WidgetServer(HttpServer server, ExecutorService threads, WidgetSettings settings) {
        this.server = server;
        this.threads = threads;
        this.settings = settings;
    }

    /** Listens on loopback-or-any {@code host}:{@code port} (0 picks a free port). */
    public static WidgetServer start(String host, int port, WidgetSettings settings) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "chatconsult-widget-http");
            thread.setDaemon(true);
            return thread;
        });
        WidgetServer widgets = new WidgetServer(server, threads, settings);
        server.createContext("/", widgets::serve);
        server.setExecutor(threads);
        server.start();
        return widgets;
    }

    /** The page that embeds the widget. */
    public String pageUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
    }

    public String scriptUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + SCRIPT_PATH;
    }

    /** The tag a site puts on its pages to offer the chat. */
    public String embedSnippet() {
        return embedSnippet(scriptUrl(), settings);
    }

    static String embedSnippet(String scriptUrl, WidgetSettings settings) {
        return "<script src=\"" + attribute(scriptUrl) + "\""
                + " data-websocket=\"" + attribute(settings.websocketUrl()) + "\""
                + " data-bosh=\"" + attribute(settings.boshUrl()) + "\""
                + " data-domain=\"" + attribute(settings.guestDomain()) + "\""
                + " data-routing-point=\"" + attribute(settings.routingPoint()) + "\" defer></script>";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", page().getBytes(StandardCharsets.UTF_8));
            } else if (FILES.containsKey(path)) {
                byte[] file = resource(path);
                if (file == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not built".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, FILES.get(path), file);
                }
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private String page() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>ChatConsult web chat</title>\n</head>\n<body>\n<h1>ChatConsult web chat</h1>\n"
                + "<p>This page embeds the chat widget as any site would, with the tag below.</p>\n"
                + "<pre>" + text(embedSnippet()) + "</pre>\n"
                + embedSnippet() + "\n</body>\n</html>\n";
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = WidgetServer.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Any site may embed the widget; the script itself talks only to the XMPP server it is given.
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
