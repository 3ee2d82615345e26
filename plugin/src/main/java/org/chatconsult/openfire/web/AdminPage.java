package org.chatconsult.openfire.web;

import java.io.IOException;
import java.io.PrintWriter;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chatconsult.openfire.ChatConsultPlugin;
import org.jivesoftware.util.LocaleUtils;

/**
 * What the plugin's admin console pages share: the page frame the console decorates (its {@code pageID} meta
 * names the sidebar item, so the console draws its own header, tabs and sidebar around it), texts from the
 * plugin's i18n bundle, and escaping. The console's login guards every page; Openfire checks the CSRF token of
 * every form sent (plugin.xml enables it) and hands a fresh one to each page.
 */
abstract class AdminPage extends HttpServlet {
    private static final String PLUGIN = "chatconsult";

    /** Text in the admin's language from {@code chatconsult_i18n.properties}. */
    static String text(String key) {
        return LocaleUtils.getLocalizedString(key, PLUGIN);
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '&': escaped.append("&amp;"); break;
                case '"': escaped.append("&quot;"); break;
                case '\'': escaped.append("&#39;"); break;
                default: escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static ChatConsultPlugin plugin(HttpServletResponse response) throws IOException {
        ChatConsultPlugin plugin = ChatConsultPlugin.running();
        if (plugin == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ChatConsult is not running");
        }
        return plugin;
    }

    /** Starts the page: head with title and the sidebar item's id; the caller writes the body and ends it. */
    static PrintWriter begin(HttpServletResponse response, String pageId, String title, String headExtra)
            throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html><head><title>" + escape(title) + "</title>");
        out.println("<meta name=\"pageID\" content=\"" + pageId + "\"/>" + headExtra + "</head><body>");
        return out;
    }

    static void end(PrintWriter out) {
        out.println("</body></html>");
    }

    /** The CSRF token Openfire gave this request, for the page's forms. */
    static String csrf(HttpServletRequest request) {
        Object token = request.getAttribute("csrf");
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(token) + "\"/>";
    }
}
