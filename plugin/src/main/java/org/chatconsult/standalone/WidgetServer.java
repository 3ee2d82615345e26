package org.chatconsult.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.chatconsult.widget.WidgetPage;

/**
 * Serves the web chat widget beside the standalone service, so that it needs no web server of its own: its files
 * below {@code /chatconsult/widget/}, and at {@code /} a page that embeds it with this server's settings (the tag a
 * company puts on its own site; {@code ?routing-point=support} names another routing point). Only those, only GET
 * and HEAD.
 */
public final class WidgetServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final WidgetPage.Settings settings;

    private WidgetServer(HttpServer server, ExecutorService threads, WidgetPage.Settings settings) {
        this.server = server;
        this.threads = threads;
        this.settings = settings;
    }

    /** Listens on {@code host}:{@code port} (0 picks a free port). */
    public static WidgetServer start(String host, int port, WidgetPage.Settings settings) throws IOException {
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

    /** The tag a site puts on its pages to offer the chat. */
    public String embedSnippet() {
        return WidgetPage.snippet(scriptUrl(), settings);
    }

    private String scriptUrl() {
        return pageUrl().substring(0, pageUrl().length() - 1) + WidgetPage.SCRIPT;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            WidgetPage.File file = path.equals("/") ? null : WidgetPage.file(path);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8",
                        WidgetPage.page(scriptUrl(), forPage(exchange.getRequestURI().getQuery()))
                                .getBytes(StandardCharsets.UTF_8));
            } else if (file != null) {
                send(exchange, 200, file.contentType(), file.content());
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code ?routing-point=support} names another routing point of the same service than the default. */
    private WidgetPage.Settings forPage(String query) {
        String asked = query != null && query.matches("routing-point=[a-z0-9._-]{1,64}")
                ? query.substring(query.indexOf('=') + 1) : null;
        if (asked == null) {
            return settings;
        }
        String service = settings.routingPoint().substring(settings.routingPoint().indexOf('@'));
        return new WidgetPage.Settings(settings.websocketUrl(), settings.boshUrl(), settings.guestDomain(),
                asked + service);
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
