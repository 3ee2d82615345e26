package org.chatconsult.openfire.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chatconsult.core.Overview;
import org.chatconsult.openfire.ChatConsultPlugin;
import org.chatconsult.xmpp.ConsultComponent;

/**
 * The live page: agents with readiness and load, live chats (how long each waited and has run), consultations,
 * supervisions and queues; it refreshes itself. Chats and supervisions can be ended from it.
 */
public final class LiveServlet extends AdminPage {
    static final String PAGE_ID = "chatconsult-live";
    private static final int REFRESH_SECONDS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatConsultPlugin plugin = plugin(response);
        if (plugin == null) {
            return;
        }
        ConsultComponent service = plugin.service();
        Overview overview;
        try {
            overview = service == null ? null : service.overview().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            overview = null;
        }
        PrintWriter out = begin(response, PAGE_ID, text("live.title"),
                "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\"/>");
        if (overview == null) {
            out.println("<div class=\"error\">" + escape(text("live.unavailable")) + "</div>");
            end(out);
            return;
        }
        section(out, "live.agents", "agents", new String[] {"live.agent", "live.readiness", "live.load"});
        for (Overview.AgentRow agent : overview.agents()) {
            out.println("<tr><td>" + escape(agent.name()) + " &lt;" + escape(agent.address()) + "&gt;</td><td>"
                    + escape(agent.readiness().name().toLowerCase().replace('_', ' ')) + "</td><td>" + agent.load()
                    + " / " + agent.capacity() + "</td></tr>");
        }
        close(out, overview.agents().isEmpty());
        section(out, "live.chats", "chats", new String[] {"live.chat", "live.routingpoint", "live.contact",
                "live.state", "live.owner", "live.started", "live.waittime", "live.duration", "live.end"});
        Instant now = Instant.now();
        for (Overview.ChatRow chat : overview.chats()) {
            String waited = chat.answered() == null ? "" : length(chat.started(), chat.answered());
            out.println("<tr><td>" + escape(chat.id()) + "</td><td>" + escape(chat.routingPoint()) + "</td><td>"
                    + escape(chat.contact()) + "</td><td>" + escape(chat.state().name().toLowerCase()) + "</td><td>"
                    + escape(chat.owner()) + "</td><td>" + escape(TIME.format(chat.started())) + "</td><td>"
                    + waited + "</td><td>" + length(chat.started(), now) + "</td><td>"
                    + endForm(request, "interaction", chat.id()) + "</td></tr>");
        }
        close(out, overview.chats().isEmpty());
        section(out, "live.consultations", "consultations", new String[] {"live.consultation", "live.chat",
                "live.initiator", "live.target", "live.state"});
        for (Overview.ConsultationRow c : overview.consultations()) {
            out.println("<tr><td>" + escape(c.id()) + "</td><td>" + escape(c.interactionId()) + "</td><td>"
                    + escape(c.initiator()) + "</td><td>" + escape(c.target()) + "</td><td>"
                    + escape(c.state().name().toLowerCase()) + "</td></tr>");
        }
        close(out, overview.consultations().isEmpty());
        section(out, "live.supervisions", "supervisions", new String[] {"live.supervisor", "live.chat",
                "live.mode", "live.since", "live.end"});
        for (Overview.SupervisionRow s : overview.supervisions()) {
            out.println("<tr><td>" + escape(s.supervisor()) + "</td><td>" + escape(s.interactionId()) + "</td><td>"
                    + escape(text("live.mode." + s.mode())) + "</td><td>" + escape(TIME.format(s.started()))
                    + "</td><td>" + endForm(request, "supervision", s.id()) + "</td></tr>");
        }
        close(out, overview.supervisions().isEmpty());
        section(out, "live.queues", "queues", new String[] {"live.routingpoint", "live.waiting"});
        for (Map.Entry<String, Integer> queue : overview.waiting().entrySet()) {
            out.println("<tr><td>" + escape(queue.getKey()) + "</td><td>" + queue.getValue() + "</td></tr>");
        }
        close(out, overview.waiting().isEmpty());
        end(out);
    }

    /**
     * The admin ends one supervision ({@code supervision}), one chat ({@code interaction}) or, with {@code all} (or
     * neither), every live chat.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatConsultPlugin plugin = plugin(response);
        ConsultComponent service = plugin == null ? null : plugin.service();
        if (service == null) {
            return;
        }
        String supervision = request.getParameter("supervision");
        String interaction = request.getParameter("interaction");
        List<String> chosen = request.getParameter("all") != null || interaction == null ? List.of()
                : List.of(interaction);
        CompletableFuture<?> ending = supervision != null ? service.endSupervision(supervision)
                : service.endChats(chosen);
        try {
            ending.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    supervision != null ? "the supervision could not be ended" : "the chats could not be ended");
            return;
        }
        response.sendRedirect(PAGE_ID);
    }

    /** A form with one End button, which posts {@code name=id} back to this page with the console's CSRF token. */
    private static String endForm(HttpServletRequest request, String name, String id) {
        return "<form method=\"post\" action=\"" + PAGE_ID + "\">" + csrf(request)
                + "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(id) + "\"/>"
                + "<input type=\"submit\" value=\"" + escape(text("live.end")) + "\"/></form>";
    }

    /** How long from {@code from} to {@code to}, as h:mm:ss. */
    private static String length(Instant from, Instant to) {
        long seconds = Math.max(0, Duration.between(from, to).toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static void section(PrintWriter out, String title, String id, String[] columns) {
        out.println("<div class=\"jive-contentBoxHeader\">" + escape(text(title)) + "</div>");
        out.println("<div class=\"jive-table\"><table id=\"" + id + "\" cellpadding=\"0\" cellspacing=\"0\" "
                + "border=\"0\" width=\"100%\"><thead><tr>");
        for (String column : columns) {
            out.println("<th>" + escape(text(column)) + "</th>");
        }
        out.println("</tr></thead><tbody>");
    }

    private static void close(PrintWriter out, boolean empty) {
        if (empty) {
            // Wider than any table here: a browser spans the cell across all of its columns.
            out.println("<tr><td colspan=\"99\">" + escape(text("live.none")) + "</td></tr>");
        }
        out.println("</tbody></table></div><br/>");
    }
}
