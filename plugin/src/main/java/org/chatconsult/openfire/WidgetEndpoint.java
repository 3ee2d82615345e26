package org.chatconsult.openfire;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chatconsult.widget.WidgetPage;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.jivesoftware.openfire.http.HttpBindManager;

/**
 * Serves the web chat widget on Openfire's HTTP binding port (7070, and 7443 with TLS), the public port that
 * already carries its WebSocket ({@code /ws/}) and BOSH ({@code /http-bind/}) endpoints, without any login: the
 * widget's files at {@code /chatconsult/widget/widget.js}, and at {@code /chatconsult/widget/} a page that embeds
 * it ({@code ?routing-point=sales} picks the routing point; the first configured one by default).
 */
public final class WidgetEndpoint {
    private final ServletContextHandler context;

    private WidgetEndpoint(ServletContextHandler context) {
        this.context = context;
    }

    /**
     * Adds the widget's context to the HTTP binding server. {@code domain} is where anonymous contacts log in
     * (Openfire's own domain); {@code routingPoints} are the addresses a page may name, the first the default.
     */
    static WidgetEndpoint start(String domain, Supplier<List<String>> routingPoints) {
        ServletContextHandler context = new ServletContextHandler(null, "/chatconsult",
                ServletContextHandler.NO_SESSIONS);
        context.setClassLoader(WidgetEndpoint.class.getClassLoader());
        context.addServlet(new ServletHolder(new WidgetServlet(domain, routingPoints)), "/widget/*");
        HttpBindManager.getInstance().addJettyHandler(context);
        return new WidgetEndpoint(context);
    }

    void stop() {
        HttpBindManager.getInstance().removeJettyHandler(context);
    }

    /** The widget's script as a browser reaches it on {@code host} (host and port of the HTTP binding server). */
    public static String scriptUrl(String host, boolean secure) {
        return (secure ? "https://" : "http://") + host + WidgetPage.SCRIPT;
    }

    /** What a page tells the widget there: Openfire's WebSocket and BOSH endpoints beside the script. */
    public static WidgetPage.Settings settings(String host, boolean secure, String domain, String routingPoint) {
        return new WidgetPage.Settings((secure ? "wss://" : "ws://") + host + "/ws/",
                (secure ? "https://" : "http://") + host + "/http-bind/", domain, routingPoint);
    }

    private static final class WidgetServlet extends HttpServlet {
        private final String domain;
        private final Supplier<List<String>> routingPoints;

        WidgetServlet(String domain, Supplier<List<String>> routingPoints) {
            this.domain = domain;
            this.routingPoints = routingPoints;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("X-Content-Type-Options", "nosniff");
            // Any site may embed the widget; the script itself talks only to this server.
            response.setHeader("Access-Control-Allow-Origin", "*");
            String file = request.getPathInfo();
            if (file == null || file.equals("/")) {
                page(request, response);
                return;
            }
            WidgetPage.File found = WidgetPage.file(WidgetPage.ROOT + file.substring(1));
            if (found == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(found.contentType());
            response.setContentLength(found.content().length);
            response.getOutputStream().write(found.content());
        }

        private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<String> known = routingPoints.get();
            String asked = request.getParameter("routing-point");
            String routingPoint = known.stream().filter(address -> asked == null || address.startsWith(asked + "@"))
                    .findFirst().orElse(null);
            if (routingPoint == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such routing point");
                return;
            }
            // The endpoints sit beside this page, on the same host and port as the request came to.
            String host = request.getHeader("Host");
            if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the Host header names no host");
                return;
            }
            boolean secure = request.isSecure();
            response.setContentType("text/html; charset=utf-8");
            response.getWriter().write(WidgetPage.page(scriptUrl(host, secure),
                    settings(host, secure, domain, routingPoint)));
        }
    }
}
