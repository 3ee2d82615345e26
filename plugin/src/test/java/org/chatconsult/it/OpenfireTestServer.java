package org.chatconsult.it;

import java.time.Duration;

import org.chatconsult.core.Settings;
import org.chatconsult.standalone.LocalProsody;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared scenarios on Openfire: the plugin installed in a real Openfire rather than an external component
 * of Prosody. Agents, contacts and groups are Openfire's ({@link OpenfireFixture}); a scenario's settings are
 * saved on the plugin's own settings page, which restarts the service with them; closing a scenario's service
 * ends what it left live from the live page, and Openfire drops messages to contacts who have left, so the
 * next scenario starts clean.
 */
final class OpenfireTestServer extends TestServer {
    private static final int C2S_PORT = 5222;

    private final AdminConsoleClient console;

    private OpenfireTestServer(AdminConsoleClient console) {
        this.console = console;
    }

    /** One Openfire per test class, stopped after it. */
    static TestServer onOpenfire(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(
                OpenfireTestServer.class, context.getRequiredTestClass()));
        return store.getOrComputeIfAbsent("server", key -> start(), Running.class).server();
    }

    private record Running(OpenfireTestServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            OpenfireFixture.stop();
        }
    }

    private static Running start() {
        try {
            OpenfireFixture.start();
            AdminConsoleClient console = AdminConsoleClient.login();
            console.dropOfflineMessages();
            // Web chat contacts log in without an account (SASL ANONYMOUS), which Openfire allows only when told.
            console.setSystemProperty("xmpp.auth.anonymous", "true");
            return new Running(new OpenfireTestServer(console));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start Openfire", e);
        }
    }

    /** The plugin serves the widget's page on Openfire's HTTP binding port, beside its WebSocket endpoint. */
    @Override
    public String webChatPage(String routingPoint) {
        return "http://localhost:7070/chatconsult/widget/?routing-point=" + routingPoint;
    }

    /** The agent workspace the plugin serves on Openfire's HTTP binding port. */
    @Override
    public String workspacePage() {
        return "http://localhost:7070/chatconsult/workspace/";
    }

    @Override
    public LocalProsody prosody() {
        throw new UnsupportedOperationException("this scenario runs on Openfire, not on Prosody");
    }

    /** Openfire's MUC replays the number of lines its service-wide setting says (25 by default), per room. */
    @Override
    public int roomHistoryShown() {
        return 25;
    }

    /** Openfire's users carry their user name as their name. */
    @Override
    public String displayName(String user) {
        return user;
    }

    @Override
    public Party connect(String user) throws Exception {
        return Party.connect(DOMAIN, C2S_PORT, user, true);
    }

    /** Openfire's anonymous visitors get an address of its own domain (anonymous logins are allowed at start). */
    @Override
    public Party connectGuest() throws Exception {
        return Party.connectAnonymous(DOMAIN, C2S_PORT);
    }

    @Override
    public Party connectPlain(String user) throws Exception {
        return Party.connect(DOMAIN, C2S_PORT, user, false);
    }

    @Override
    public ServiceLog watchLog() {
        try {
            return ServiceLog.file(OpenfireFixture.logFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no Openfire log", e);
        }
    }

    @Override
    public long servicePid() {
        try {
            return OpenfireFixture.pid();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no Openfire pid", e);
        }
    }

    /** Openfire's test server serves one domain: there is no stranger of another. */
    @Override
    public Party connectStranger() {
        return null;
    }

    /** The plugin with the scenario's settings, restarted by reloading it (a new jar dropped in, as an upgrade does). */
    @Override
    public RestartableService restartableService(Settings settings) throws Exception {
        console.saveSettings(settings, Duration.ofSeconds(30));
        return new RestartableService() {
            @Override
            public void restart() throws Exception {
                OpenfireFixture.run("deploy", OpenfireFixture.pluginJar().toString());
            }

            @Override
            public String restartKind() {
                return "plugin reload in Openfire";
            }

            @Override
            public void close() throws Exception {
                console.endAllChats();
            }
        };
    }

    /** The store is Openfire's database, whatever the scenario names. */
    @Override
    public Service service(Settings settings, Duration contactCheck, String storeUrl, Duration retention)
            throws Exception {
        console.saveSettings(settings, contactCheck);
        return console::endAllChats;
    }
}
