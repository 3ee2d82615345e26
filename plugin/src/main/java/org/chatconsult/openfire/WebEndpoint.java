package org.chatconsult.openfire;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chatconsult.web.PackagedFiles;
import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.jivesoftware.openfire.http.HttpBindManager;

/**
 * Serves the browser's pages on Openfire's HTTP binding port (7070, and 7443 with TLS), the public port that
 * already carries its WebSocket ({@code /ws/}) and BOSH ({@code /http-bind/}) endpoints, without any login of its
 * own: the web chat widget's files at {@code /chatconsult/widget/widget.js}, and at {@code /chatconsult/widget/} a
 * page that embeds it ({@code ?routing-point=sales} picks the routing point; the first configured one by default);
 * the agent workspace at {@code /chatconsult/workspace/}, its files beside it.
 */
public final class WebEndpoint {
    private final ServletContextHandler context;

    private WebEndpoint(ServletContextHandler context) {
        this.context = context;
    }

    /**
     * Adds the pages' context to the HTTP binding server. {@code domain} is Openfire's own: where anonymous contacts
     * and agents log in; {@code routingPoints} are the addresses a widget page may name, the first the default;
     * {@code service} is the ChatConsult component's address, which the workspace writes to.
     */
    static WebEndpoint start(String domain, Supplier<List<String>> routingPoints, Supplier<String> service) {
        ServletContextHandler context = new ServletContextHandler(null, "/chatconsult",
                ServletContextHandler.NO_SESSIONS);
        context.setClassLoader(WebEndpoint.class.getClassLoader());
        context.addServlet(new ServletHolder(new WidgetServlet(domain, routingPoints)), "/widget/*");
        context.addServlet(new ServletHolder(new WorkspaceServlet(domain, service)), "/workspace/*");
        HttpBindManager.getInstance().addJettyHandler(context);
        return new WebEndpoint(context);
    }

    void stop() {
        HttpBindManager.getInstance().removeJettyHandler(context);
    }

    /** The widget's script as a browser reaches it on {@code host} (host and port of the HTTP binding server). */
    public static String scriptUrl(String host, boolean secure) {
        return (secure ? "https://" : "http://") + host + WidgetPage.SCRIPT;
    }

    /** The agent workspace's page as a browser reaches it on {@code host}. */
    public static String workspaceUrl(String host, boolean secure) {
        return (secure ? "https://" : "http://") + host + WorkspacePage.ROOT;
    }

    /** What a page tells the widget there: Openfire's WebSocket and BOSH endpoints beside the script. */
    public static WidgetPage.Settings settings(String host, boolean secure, String domain, String routingPoint) {
        return new WidgetPage.Settings(websocketUrl(host, secure), boshUrl(host, secure), domain, routingPoint);
    }

    private static String websocketUrl(String host, boolean secure) {
        return (secure ? "wss://" : "ws://") + host + "/ws/";
    }

    private static String boshUrl(String host, boolean secure) {
        return (secure ? "https://" : "http://") + host + "/http-bind/";
    }

    /** A page at the servlet's root and the files below it; the page names the host the request came to. */
    private abstract static class PageServlet extends HttpServlet {
        /** The page for a request to {@code host}, or null when it asks for one there is not. */
        abstract String page(HttpServletRequest request, String host, boolean secure);

        abstract PackagedFiles.File file(String path) throws IOException;

        void addHeaders(HttpServletResponse response) {
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("X-Content-Type-Options", "nosniff");
            addHeaders(response);
            String path = request.getPathInfo();
            if (path == null || path.equals("/")) {
                page(request, response);
                return;
            }
            PackagedFiles.File found = file(path.substring(1));
            if (found == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(found.contentType());
            response.setContentLength(found.content().length);
            response.getOutputStream().write(found.content());
        }

        private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
            // The endpoints sit beside this page, on the same host and port as the request came to.
            String host = request.getHeader("Host");
            if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the Host header names no host");
                return;
            }
            String page = page(request, host, request.isSecure());
            if (page == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/html; charset=utf-8");
            response.getWriter().write(page);
        }
    }

    private static final class WidgetServlet extends PageServlet {
        private final String domain;
        private final Supplier<List<String>> routingPoints;

        WidgetServlet(String domain, Supplier<List<String>> routingPoints) {
            this.domain = domain;
            this.routingPoints = routingPoints;
        }

        @Override
        void addHeaders(HttpServletResponse response) {
            // Any site may embed the widget; the script itself talks only to this server.
            response.setHeader("Access-Control-Allow-Origin", "*");
        }

        @Override
        PackagedFiles.File file(String name) throws IOException {
            return WidgetPage.file(WidgetPage.ROOT + name);
        }

        @Override
        String page(HttpServletRequest request, String host, boolean secure) {
            String asked = request.getParameter("routing-point");
            return routingPoints.get().stream().filter(address -> asked == null || address.startsWith(asked + "@"))
                    .findFirst()
                    .map(routingPoint -> WidgetPage.page(scriptUrl(host, secure),
                            settings(host, secure, domain, routingPoint)))
                    .orElse(null);
        }
    }

    private static final class WorkspaceServlet extends PageServlet {
        private final String domain;
        private final Supplier<String> service;

        WorkspaceServlet(String domain, Supplier<String> service) {
            this.domain = domain;
            this.service = service;
        }

        @Override
        void addHeaders(HttpServletResponse response) {
            WorkspacePage.HEADERS.forEach(response::setHeader);
        }

        @Override
        PackagedFiles.File file(String name) throws IOException {
            return WorkspacePage.file(WorkspacePage.ROOT + name);
        }

        @Override
        String page(HttpServletRequest request, String host, boolean secure) {
            return WorkspacePage.page(new WorkspacePage.Settings(websocketUrl(host, secure), boshUrl(host, secure),
                    domain, service.get()));
        }
    }
}
