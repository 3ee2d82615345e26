package org.chatconsult.standalone;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;

/**
 * The README's one command: a private Prosody on 127.0.0.1 with demo accounts, and the service connected to it,
 * until Ctrl-C. Log in with any XMPP client (no TLS, plain password) as an agent or a contact.
 */
public final class Demo {
    private static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("alice", "alice");
        ACCOUNTS.put("bob", "bob");
        ACCOUNTS.put("carol", "carol");
        ACCOUNTS.put("dave", "dave");
    }

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo").toAbsolutePath();
        int c2sPort = Integer.parseInt(System.getProperty("demo.c2s.port", "5222"));
        int componentPort = Integer.parseInt(System.getProperty("demo.component.port", "5347"));
        deleteTree(dir);
        LocalProsody prosody = LocalProsody.start(dir, "localhost", c2sPort, componentPort, "consult", "demo-secret",
                ACCOUNTS);
        Properties p = new Properties();
        p.load(new StringReader("""
                xmpp.domain = localhost
                component.secret = demo-secret
                agent.alice@localhost = Alice
                agent.bob@localhost = Bob
                routingpoints = sales,support
                routingpoint.sales.name = Sales
                routingpoint.support.name = Support
                routingpoint.support.agents = bob@localhost
                groups = supervisors
                group.supervisors.name = Supervisors
                group.supervisors.agents = alice@localhost
                """));
        p.setProperty("xmpp.component.port", String.valueOf(prosody.componentPort()));
        p.setProperty("store.dir", dir.resolve("store").toString());
        StandaloneService service = StandaloneService.start(StandaloneConfig.from(p), Duration.ofSeconds(20));
        int webPort = Integer.parseInt(System.getProperty("demo.web.port", "8080"));
        WebServer web = WebServer.start("127.0.0.1", webPort,
                new WidgetPage.Settings(prosody.websocketUrl(), prosody.boshUrl(), prosody.guestDomain(),
                        "sales@consult.localhost"),
                new WorkspacePage.Settings(prosody.websocketUrl(), prosody.boshUrl(), "localhost", "consult.localhost"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            service.close();
            try {
                prosody.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown"));
        System.out.println(String.join("\n",
                "",
                "ChatConsult demo is running: XMPP server localhost, port " + prosody.c2sPort()
                        + " (no TLS; allow plain passwords in your client).",
                "",
                "  Agents:   alice@localhost / alice   (serves Sales)",
                "            bob@localhost   / bob     (serves Sales and Support)",
                "  Contacts: carol@localhost / carol,  dave@localhost / dave",
                "",
                "  1. As an agent, send presence to consult.localhost to go Ready. Most clients do this when you",
                "     add consult.localhost as a contact; in a console: <presence to='consult.localhost'/>.",
                "  2. As a contact, write to sales@consult.localhost (or support@consult.localhost).",
                "  3. The agent receives an offer with an invitation to a room: join it to accept, and chat.",
                "     A contact on a client without group chat keeps chatting 1:1 with sales@consult.localhost.",
                "  4. To consult, the agent runs the ad-hoc command 'Start a chat consultation' on consult.localhost",
                "     and names another agent (or sales@consult.localhost, supervisors@consult.localhost).",
                "  5. The contact sends !end (1:1) or leaves the room, or the agent says !end in the room: the chat ends.",
                "",
                "  A contact in a web browser (the chat widget, anonymous): " + web.pageUrl(),
                "  An agent in a web browser (the agent workspace; log in as alice / alice): " + web.workspaceUrl(),
                "  An agent desktop in a terminal: bin/agent-console alice@localhost alice",
                "",
                "Server files and logs: " + dir,
                "Press Ctrl-C to stop."));
        Thread.currentThread().join();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
