package org.chatconsult.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.core.Settings;
import org.chatconsult.store.Databases;
import org.chatconsult.standalone.ConfiguredDirectory;
import org.chatconsult.standalone.ExternalComponentConnection;
import org.chatconsult.standalone.LocalProsody;
import org.chatconsult.standalone.WebServer;
import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;
import org.chatconsult.xmpp.ConsultComponent;
import org.chatconsult.xmpp.ServiceConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Prosody for the whole test run, on free loopback ports with a private config and data directory,
 * stopped when the run ends however it ends. Each test starts its own ChatConsult service on it as an external
 * component, with the settings it needs, and real Smack clients for its agents and contacts.
 */
public class TestServer implements ParameterResolver {
    public static final String DOMAIN = "localhost";
    public static final String SUBDOMAIN = "consult";
    public static final String SERVICE = SUBDOMAIN + "." + DOMAIN;
    public static final List<String> AGENTS = List.of("agent1", "agent2", "agent3", "agent4");
    public static final List<String> CONTACTS = List.of("contact1", "contact2", "contact3", "contact4", "contact5",
            "contact6", "stranger");
    /** Another server's domain (a second host of the test Prosody) and its one user, a stranger to the service. */
    public static final String OTHER_DOMAIN = "elsewhere.localhost";
    public static final String STRANGER = "visitor";
    /** Lanes of the privacy property test: each has an owner, two targets and a contact of its own. */
    public static final int LANES = 4;

    private static LocalProsody prosody;
    private static WebServer web;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return onProsody(context);
    }

    private static synchronized ExtensionContext.Store.CloseableResource startProsody() {
        try {
            Path dir = Files.createTempDirectory("chatconsult-prosody");
            Map<String, String> accounts = new LinkedHashMap<>();
            AGENTS.forEach(a -> accounts.put(a, a));
            CONTACTS.forEach(c -> accounts.put(c, c));
            for (int lane = 1; lane <= LANES; lane++) {
                for (String user : List.of("owner" + lane, "targeta" + lane, "targetb" + lane, "lanecontact" + lane,
                        "supervisor" + lane)) {
                    accounts.put(user, user);
                }
            }
            prosody = LocalProsody.start(dir, DOMAIN, 0, 0, SUBDOMAIN, "secret", accounts, List.of(OTHER_DOMAIN));
            prosody.register(STRANGER, OTHER_DOMAIN, STRANGER);
            web = WebServer.start("127.0.0.1", 0,
                    new WidgetPage.Settings(prosody.websocketUrl(), prosody.boshUrl(), prosody.guestDomain(),
                            "support@" + SERVICE),
                    new WorkspacePage.Settings(prosody.websocketUrl(), prosody.boshUrl(), DOMAIN, SERVICE));
            return () -> {
                web.close();
                prosody.close();
            };
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start Prosody (is Debian's prosody package installed?)", e);
        }
    }

    /**
     * A web page that embeds the chat widget for the routing point {@code routingPoint} (its local part), as a
     * company's site would: served beside the service, connecting to the server's WebSocket.
     */
    public String webChatPage(String routingPoint) {
        return web.pageUrl() + "?routing-point=" + routingPoint;
    }

    /** The agent workspace's page, served beside the service, connecting to the server's WebSocket. */
    public String workspacePage() {
        return web.workspaceUrl();
    }

    /** The Prosody these tests run on (the Openfire variant has none and says so). */
    public LocalProsody prosody() {
        return prosody;
    }

    /** The one shared Prosody of the run, started on first use and stopped when the run ends. */
    static TestServer onProsody(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestServer.class.getName(), key -> startProsody());
        return PROSODY;
    }

    private static final TestServer PROSODY = new TestServer();

    /** The directory every test uses: routing points sales (agent1, agent2), support (agent3), night (nobody). */
    public static ConfiguredDirectory directory() {
        List<AgentProfile> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS.size(); i++) {
            agents.add(new AgentProfile(AGENTS.get(i) + "@" + DOMAIN, "Agent " + (i + 1)));
        }
        List<RoutingPoint> points = new ArrayList<>(List.of(
                new RoutingPoint("sales", "Sales", Set.of("agent1@" + DOMAIN, "agent2@" + DOMAIN)),
                new RoutingPoint("support", "Support", Set.of("agent3@" + DOMAIN)),
                new RoutingPoint("night", "Night shift", Set.of())));
        for (int lane = 1; lane <= LANES; lane++) {
            for (String user : List.of("owner" + lane, "targeta" + lane, "targetb" + lane)) {
                agents.add(new AgentProfile(user + "@" + DOMAIN, user));
            }
            points.add(new RoutingPoint("lane" + lane, "Lane " + lane, Set.of("owner" + lane + "@" + DOMAIN)));
            points.add(new RoutingPoint("team" + lane, "Team " + lane,
                    Set.of("targeta" + lane + "@" + DOMAIN, "targetb" + lane + "@" + DOMAIN)));
        }
        Set<String> supervisors = new java.util.HashSet<>(Set.of("agent3@" + DOMAIN, "agent4@" + DOMAIN));
        for (int lane = 1; lane <= LANES; lane++) {
            supervisors.add("supervisor" + lane + "@" + DOMAIN);
        }
        return new ConfiguredDirectory(agents, points, List.of(new org.chatconsult.core.AgentGroup("supervisors",
                "Supervisors", supervisors)));
    }

    /** How many lines of history this server's rooms replay to someone who enters. */
    public int roomHistoryShown() {
        return org.chatconsult.xmpp.RoomDriver.HISTORY_LENGTH;
    }

    /** An agent's display name as this server's directory gives it. */
    public String displayName(String user) {
        return directory().displayName(user + "@" + DOMAIN);
    }

    public static Settings settings(Duration offerTimeout, Duration maxQueueWait, int capacity) {
        return new Settings(offerTimeout, maxQueueWait, capacity, 1_000);
    }

    /** Starts a ChatConsult service on the shared server; close it at the end of the test. */
    public Service service(Settings settings) throws Exception {
        return service(settings, Duration.ofSeconds(30));
    }

    public Service service(Settings settings, Duration contactCheck) throws Exception {
        return service(settings, contactCheck, freshStoreUrl());
    }

    /** A service on the store at {@code storeUrl}: a second service on the same URL takes up where the first stopped. */
    public Service service(Settings settings, Duration contactCheck, String storeUrl) throws Exception {
        return service(settings, contactCheck, storeUrl, null);
    }

    /** A service that purges what ended longer than {@code retention} ago (null: keeps everything). */
    public Service service(Settings settings, Duration contactCheck, String storeUrl, Duration retention)
            throws Exception {
        LocalProsody prosody = prosody();
        // No MUC service named: the service finds Prosody's by disco, as it finds Openfire's.
        ConsultComponent component = new ConsultComponent(new ServiceConfig(SERVICE, null, settings,
                directory(), contactCheck, Databases.open(storeUrl, "SA", ""), retention));
        ExternalComponentConnection connection = new ExternalComponentConnection("127.0.0.1", prosody.componentPort(),
                DOMAIN, prosody.componentSecret());
        connection.addComponent(SUBDOMAIN, component);
        if (!connection.awaitConnected(Duration.ofSeconds(10))) {
            connection.close();
            throw new IllegalStateException("component did not connect");
        }
        return connection::close;
    }

    /**
     * A service a test restarts the hard way while chats run: here the standalone service in a process of its
     * own, killed (SIGKILL: no shutdown, no flush, no leaving rooms) and started again on the same store.
     */
    public RestartableService restartableService(Settings settings) throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-restartable");
        Path config = ServiceProcess.config(prosody(), dir, Databases.embeddedUrl(dir.resolve("store").toString()),
                settings);
        ServiceProcess[] running = {ServiceProcess.start(config)};
        return new RestartableService() {
            @Override
            public void restart() throws Exception {
                running[0].kill();
                running[0] = ServiceProcess.start(config);
            }

            @Override
            public String restartKind() {
                return "SIGKILL of the standalone service";
            }

            @Override
            public void close() throws Exception {
                running[0].stop();
            }
        };
    }

    public Party connect(String user) throws Exception {
        return Party.connect(prosody(), user, true);
    }

    /** The stranger of another domain; null where the server has no second domain (Openfire's test server). */
    public Party connectStranger() throws Exception {
        return Party.connect(OTHER_DOMAIN, prosody().c2sPort(), STRANGER, false);
    }

    /** A visitor without an account (SASL ANONYMOUS, RFC 4505), as the web chat logs in: on the guest host. */
    public Party connectGuest() throws Exception {
        return Party.connectAnonymous(prosody().guestDomain(), prosody().c2sPort());
    }

    /** A contact whose client does not support multi-user chat: it chats 1:1 through the bridge. */
    public Party connectPlain(String user) throws Exception {
        return Party.connect(prosody(), user, false);
    }

    /** What the service logs from now on: here the test JVM's standard error, where the service's logger writes. */
    public ServiceLog watchLog() {
        return ServiceLog.standardError();
    }

    /** The process the service runs in: this JVM. */
    public long servicePid() {
        return ProcessHandle.current().pid();
    }

    /** An empty embedded database of its own. */
    public static String freshStoreUrl() {
        return "jdbc:hsqldb:mem:chatconsult-" + STORES.incrementAndGet();
    }

    private static final java.util.concurrent.atomic.AtomicInteger STORES = new java.util.concurrent.atomic.AtomicInteger();

    /** A running service that a test can restart in the middle of its chats. */
    public interface RestartableService extends Service {
        void restart() throws Exception;

        /** How it restarts, for the test's report. */
        String restartKind();
    }

    /** A running service; closing it stops it (the chats it leaves live stay in its store). */
    public interface Service extends AutoCloseable {
        @Override
        void close() throws Exception;
    }
}
