package org.chatconsult.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.chatconsult.web.PackagedFiles;
import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;

/**
 * Serves the browser's pages beside the standalone service, so that they need no web server of their own: the web
 * chat widget's files below {@code /chatconsult/widget/}, and at {@code /} a page that embeds it with this server's
 * settings (the tag a company puts on its own site; {@code ?routing-point=support} names another routing point);
 * the agent workspace at {@code /chatconsult/workspace/}, its files beside it. Only those, only GET and HEAD.
 */
public final class WebServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final WidgetPage.Settings widget;
    private final WorkspacePage.Settings workspace;

    private WebServer(HttpServer server, ExecutorService threads, WidgetPage.Settings widget,
            WorkspacePage.Settings workspace) {
        this.server = server;
        this.threads = threads;
        this.widget = widget;
        this.workspace = workspace;
    }

    /** Listens on {@code host}:{@code port} (0 picks a free port). */
    public static WebServer start(String host, int port, WidgetPage.Settings widget,
            WorkspacePage.Settings workspace) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "chatconsult-web-http");
            thread.setDaemon(true);
            return thread;
        });
        WebServer web = new WebServer(server, threads, widget, workspace);
        server.createContext("/", web::serve);
        server.setExecutor(threads);
        server.start();
        return web;
    }

    /** The page that embeds the widget. */
    public String pageUrl() {
        return root() + "/";
    }

    /** The agent workspace's page. */
    public String workspaceUrl() {
        return root() + WorkspacePage.ROOT;
    }

    /** The tag a site puts on its pages to offer the chat. */
    public String embedSnippet() {
        return WidgetPage.snippet(scriptUrl(), widget);
    }

    private String root() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private String scriptUrl() {
        return root() + WidgetPage.SCRIPT;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                sendPage(exchange, WidgetPage.page(scriptUrl(), forPage(exchange.getRequestURI().getQuery())));
            } else if (path.equals(WorkspacePage.ROOT)) {
                WorkspacePage.HEADERS.forEach(exchange.getResponseHeaders()::set);
                sendPage(exchange, WorkspacePage.page(workspace));
            } else {
                sendFile(exchange, path);
            }
        }
    }

    private static void sendFile(HttpExchange exchange, String path) throws IOException {
        PackagedFiles.File file = WidgetPage.file(path);
        if (file == null) {
            file = WorkspacePage.file(path);
        }
        if (file != null) {
            send(exchange, 200, file.contentType(), file.content());
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code ?routing-point=support} names another routing point of the same service than the default. */
    private WidgetPage.Settings forPage(String query) {
        String asked = query != null && query.matches("routing-point=[a-z0-9._-]{1,64}")
                ? query.substring(query.indexOf('=') + 1) : null;
        if (asked == null) {
            return widget;
        }
        String service = widget.routingPoint().substring(widget.routingPoint().indexOf('@'));
        return new WidgetPage.Settings(widget.websocketUrl(), widget.boshUrl(), widget.guestDomain(),
                asked + service);
    }

    private static void sendPage(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
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
