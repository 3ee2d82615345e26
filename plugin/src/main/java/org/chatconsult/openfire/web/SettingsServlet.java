package org.chatconsult.openfire.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chatconsult.core.Settings;
import org.chatconsult.openfire.ChatConsultPlugin;
import org.chatconsult.openfire.OpenfireSettings;
import org.chatconsult.openfire.WebEndpoint;
import org.chatconsult.web.WidgetPage;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.http.HttpBindManager;

/**
 * The settings page: routing points (address name, display name, the Openfire group that serves it), agent
 * groups, offer timeout, maximum queue wait, default capacity, disposition codes, retention and how often a
 * contact chatting through the bridge is checked. Saving writes
 * Openfire system properties and restarts the service in place, which keeps live chats.
 */
public final class SettingsServlet extends AdminPage {
    static final String PAGE_ID = "chatconsult-settings";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatConsultPlugin plugin = plugin(response);
        if (plugin != null) {
            render(request, response, plugin.settings(), request.getParameter("saved") != null, null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatConsultPlugin plugin = plugin(response);
        if (plugin == null) {
            return;
        }
        try {
            plugin.settings().save(number(request, "offerTimeout"), number(request, "queueMaxWait"),
                    (int) number(request, "capacity"), words(request.getParameter("dispositions")),
                    words(request.getParameter("agentGroups")), routingPoints(request.getParameter("routingPoints")),
                    number(request, "retentionDays"), number(request, "contactCheck"),
                    request.getParameter("tellAgentWhenMonitored") != null);
        } catch (IllegalArgumentException refused) {
            render(request, response, plugin.settings(), false, refused.getMessage());
            return;
        }
        plugin.restartService();
        response.sendRedirect(PAGE_ID + "?saved=true");
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, OpenfireSettings settings,
            boolean saved, String error) throws IOException {
        Settings current = settings.settings();
        PrintWriter out = begin(response, PAGE_ID, text("settings.title"), "");
        out.println("<p>" + escape(text("settings.intro")) + "</p>");
        if (saved) {
            out.println("<div class=\"success\" id=\"saved\">" + escape(text("settings.saved")) + "</div>");
        }
        if (error != null) {
            out.println("<div class=\"error\" id=\"error\">" + escape(error) + "</div>");
        }
        out.println("<form method=\"post\" action=\"" + PAGE_ID + "\">" + csrf(request));
        out.println("<div class=\"jive-contentBoxHeader\">" + escape(text("settings.routing")) + "</div>");
        out.println("<div class=\"jive-contentBox\"><p>" + escape(text("settings.routingpoints.help")) + "</p>");
        StringBuilder points = new StringBuilder();
        for (OpenfireSettings.RoutingPointSetting point : settings.routingPoints()) {
            points.append(point.name()).append(" | ").append(point.displayName()).append(" | ").append(point.group())
                    .append('\n');
        }
        out.println("<textarea name=\"routingPoints\" id=\"routingPoints\" rows=\"5\" cols=\"60\">"
                + escape(points) + "</textarea>");
        out.println("<p>" + field("agentGroups", text("settings.agentgroups"),
                String.join(", ", settings.agentGroups()), 40) + "</p></div>");
        out.println("<div class=\"jive-contentBoxHeader\">" + escape(text("settings.offers")) + "</div>");
        out.println("<div class=\"jive-contentBox\"><table>");
        out.println(row("offerTimeout", text("settings.offertimeout"), current.offerTimeout().toSeconds()));
        out.println(row("queueMaxWait", text("settings.queuemaxwait"), current.maxQueueWait().toSeconds()));
        out.println(row("capacity", text("settings.capacity"), current.defaultCapacity()));
        out.println(row("dispositions", text("settings.dispositions"), String.join(", ", settings.dispositions())));
        long retention = settings.retention() == null ? 0 : settings.retention().toDays();
        out.println(row("retentionDays", text("settings.retention"), retention));
        out.println(row("contactCheck", text("settings.contactcheck"), settings.contactCheck().toSeconds()));
        out.println("<tr><td><label for=\"tellAgentWhenMonitored\">" + escape(text("settings.tellagent"))
                + "</label></td><td><input type=\"checkbox\" name=\"tellAgentWhenMonitored\" id=\"tellAgentWhenMonitored\""
                + (current.tellAgentWhenMonitored() ? " checked" : "") + "/></td></tr>");
        out.println("</table></div>");
        out.println("<input type=\"submit\" id=\"save\" value=\"" + escape(text("settings.save")) + "\"/></form>");
        webChat(out, request, settings);
        workspace(out, request);
        end(out);
    }

    /** The tag a site embeds to offer the web chat, served by the plugin on the HTTP binding port. */
    private static void webChat(PrintWriter out, HttpServletRequest request, OpenfireSettings settings) {
        if (settings.routingPoints().isEmpty()) {
            return;
        }
        String host = httpBindHost(request);
        String domain = XMPPServer.getInstance().getServerInfo().getXMPPDomain();
        String routingPoint = settings.routingPoints().get(0).name();
        String snippet = WidgetPage.snippet(WebEndpoint.scriptUrl(host, false), WebEndpoint.settings(host, false,
                domain, routingPoint + "@" + settings.subdomain() + "." + domain));
        out.println("<div class=\"jive-contentBoxHeader\">" + escape(text("settings.webchat")) + "</div>");
        out.println("<div class=\"jive-contentBox\"><p>" + escape(text("settings.webchat.help")) + "</p>");
        out.println("<pre id=\"webChatSnippet\">" + escape(snippet) + "</pre>");
        out.println("<p><a href=\"http://" + escape(host) + WidgetPage.ROOT + "?routing-point="
                + escape(routingPoint) + "\">" + escape(text("settings.webchat.try")) + "</a></p></div>");
    }

    /** The agent workspace in the browser, served by the plugin on the HTTP binding port as the widget is. */
    private static void workspace(PrintWriter out, HttpServletRequest request) {
        out.println("<div class=\"jive-contentBoxHeader\">" + escape(text("settings.workspace")) + "</div>");
        out.println("<div class=\"jive-contentBox\"><p>" + escape(text("settings.workspace.help")) + "</p>");
        String url = WebEndpoint.workspaceUrl(httpBindHost(request), false);
        out.println("<p><a id=\"workspaceLink\" href=\"" + escape(url) + "\">"
                + escape(text("settings.workspace.open")) + "</a></p></div>");
    }

    /** The HTTP binding server (where the plugin's public pages are) on the host the admin reached the console by. */
    private static String httpBindHost(HttpServletRequest request) {
        return request.getServerName() + ":" + HttpBindManager.HTTP_BIND_PORT.getValue();
    }

    private static String row(String name, String label, Object value) {
        return "<tr><td><label for=\"" + name + "\">" + escape(label) + "</label></td><td>"
                + "<input type=\"text\" name=\"" + name + "\" id=\"" + name + "\" size=\"30\" value=\""
                + escape(value) + "\"/></td></tr>";
    }

    private static String field(String name, String label, String value, int size) {
        return "<label for=\"" + name + "\">" + escape(label) + "</label> <input type=\"text\" name=\"" + name
                + "\" id=\"" + name + "\" size=\"" + size + "\" value=\"" + escape(value) + "\"/>";
    }

    private static long number(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text("settings.error.number") + ": " + name);
        }
    }

    private static List<String> words(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** One routing point per line: {@code name | display name | group}; the last two may be left out. */
    private static List<OpenfireSettings.RoutingPointSetting> routingPoints(String text) {
        List<OpenfireSettings.RoutingPointSetting> points = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            String name = parts[0].trim();
            String display = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : name;
            String group = parts.length > 2 && !parts[2].isBlank() ? parts[2].trim() : "agents";
            points.add(new OpenfireSettings.RoutingPointSetting(name, display, group));
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException(text("settings.error.norouting"));
        }
        return points;
    }
}
