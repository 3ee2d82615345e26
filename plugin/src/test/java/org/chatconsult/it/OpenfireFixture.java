package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A real Openfire 5.1 for the Openfire suites (the test server of ../shared/openfire, or the directory that
 * {@code chatconsult.openfire.dir} names) with the built plugin jar installed: started fresh for a suite and
 * stopped after it. Where none is at hand the suite is skipped, saying so.
 */
final class OpenfireFixture {
    private static Path script;

    private OpenfireFixture() {
    }

    /** Starts a fresh Openfire with the plugin and the group {@code agents} (alice, bob). */
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("chatconsult.openfire.dir", "../../shared/openfire"));
        script = dir.resolve("openfire-test-server");
        assumeTrue(Files.exists(script),
                "no Openfire test server at " + dir.toAbsolutePath() + ": the Openfire suite is skipped");
        run("start", pluginJar().toString());
        createGroups();
    }

    static void stop() throws Exception {
        if (script != null && Files.exists(script)) {
            run("stop");
        }
    }

    /** The plugin jar the build made. */
    static Path pluginJar() {
        Path jar = Path.of(System.getProperty("chatconsult.plugin.jar")).toAbsolutePath();
        assertThat(jar).exists();
        return jar;
    }

    /** Accounts beside Openfire's own (admin, alice, bob, carol): the shared scenarios' agents and contacts. */
    static final List<String> SCENARIO_USERS = scenarioUsers();

    private static List<String> scenarioUsers() {
        List<String> users = new java.util.ArrayList<>(List.of("agent1", "agent2", "agent3", "agent4", "contact1",
                "contact2", "contact3", "contact4", "contact5", "contact6", "stranger"));
        for (int lane = 1; lane <= TestServer.LANES; lane++) {
            users.addAll(List.of("owner" + lane, "targeta" + lane, "targetb" + lane, "lanecontact" + lane,
                    "supervisor" + lane));
        }
        return users;
    }

    /**
     * The groups, made through Openfire's admin commands (XEP-0133): {@code agents} serves the default routing
     * point; {@code sales}, {@code support}, {@code night}, {@code supervisors} and each privacy lane's
     * {@code lane<n>} and {@code team<n>} are the shared scenarios'.
     */
    private static void createGroups() throws Exception {
        XMPPTCPConnection admin = connect("admin");
        try {
            addGroup(admin, "agents", List.of("alice@localhost", "bob@localhost", "agent1@localhost",
                    "agent2@localhost", "agent3@localhost", "agent4@localhost"));
            addGroup(admin, "sales", List.of("agent1@localhost", "agent2@localhost"));
            addGroup(admin, "support", List.of("agent3@localhost"));
            addGroup(admin, "night", List.of());
            List<String> supervisors = new java.util.ArrayList<>(List.of("agent3@localhost", "agent4@localhost"));
            for (int lane = 1; lane <= TestServer.LANES; lane++) {
                supervisors.add("supervisor" + lane + "@localhost");
            }
            addGroup(admin, "supervisors", supervisors);
            for (int lane = 1; lane <= TestServer.LANES; lane++) {
                addGroup(admin, "lane" + lane, List.of("owner" + lane + "@localhost"));
                addGroup(admin, "team" + lane, List.of("targeta" + lane + "@localhost", "targetb" + lane + "@localhost"));
            }
        } finally {
            admin.disconnect();
        }
    }

    private static void addGroup(XMPPTCPConnection admin, String name, List<String> members) throws Exception {
        RemoteCommand addGroup = AdHocCommandManager.getAddHocCommandsManager(admin)
                .getRemoteCommand(JidCreate.from("localhost"), "http://jabber.org/protocol/admin#add-group");
        addGroup.execute();
        FillableForm group = new FillableForm(addGroup.getForm());
        group.setAnswer("group", name);
        if (!members.isEmpty()) {
            group.setAnswer("members", members);
        }
        group.setAnswer("showInRoster", "nobody");
        addGroup.complete(group);
    }

    static String run(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OF_USERS", String.join(" ", SCENARIO_USERS.stream().map(u -> u + ":" + u).toList()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    static XMPPTCPConnection connect(String user) throws Exception {
        return connect(user, connection -> { });
    }

    /** A contact whose client does not support multi-user chat: it chats 1:1 through the bridge. */
    static XMPPTCPConnection connectPlain(String user) throws Exception {
        XMPPTCPConnection connection = connect(user);
        ServiceDiscoveryManager.getInstanceFor(connection).removeFeature("http://jabber.org/protocol/muc");
        return connection;
    }

    static void disconnect(XMPPTCPConnection... connections) {
        for (XMPPTCPConnection connection : connections) {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** Connects; {@code beforeLogin} may add listeners for what arrives at login (stored offline messages). */
    static XMPPTCPConnection connect(String user, java.util.function.Consumer<XMPPTCPConnection> beforeLogin)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(5222)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword(user, user).setResource("it").build());
        beforeLogin.accept(connection);
        connection.connect().login();
        return connection;
    }

    /** Stops Openfire the way an operator does and starts it again on the same home and database. */
    static void restart() throws Exception {
        Path state = stateDir();
        Path home = Path.of(Files.readString(state.resolve("openfire.home")).trim());
        Path log = home.resolve("logs/openfire.log");
        run("stop");
        long offset = Files.size(log);
        ProcessBuilder openfire = new ProcessBuilder("setsid", home.resolve("bin/openfire.sh").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout-restarted.log").toFile());
        openfire.environment().put("JAVA_HOME", System.getProperty("java.home"));
        openfire.environment().put("OPENFIRE_HOME", home.toString());
        openfire.environment().put("OPENFIRE_OPTS", "-Xmx1g");
        Process process = openfire.start();
        // The script's stop (at the end of the suite) finds the server by this file.
        Files.writeString(state.resolve("openfire.pid"), String.valueOf(process.pid()));
        Await.until(Duration.ofSeconds(90), "Openfire back, the plugin loaded", () -> {
            String fresh = Files.size(log) > offset ? Files.readString(log).substring((int) offset) : "";
            if (fresh.contains("Successfully loaded plugin 'chatconsult") && listening(5222)) {
                return true;
            }
            assertThat(process.isAlive()).as("Openfire is running again").isTrue();
            return false;
        });
    }

    /** Openfire's own log, where the plugin's lines go too. */
    static Path logFile() throws IOException {
        return Path.of(Files.readString(stateDir().resolve("openfire.home")).trim()).resolve("logs/openfire.log");
    }

    /** The running Openfire's process id. */
    static long pid() throws IOException {
        return Long.parseLong(Files.readString(stateDir().resolve("openfire.pid")).trim());
    }

    /** How many threads of the running Openfire have a name that starts with {@code prefix} (jcmd Thread.print). */
    static long threads(String prefix) throws Exception {
        Path state = stateDir();
        String pid = Files.readString(state.resolve("openfire.pid")).trim();
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid,
                "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return dump.lines().filter(line -> line.startsWith("\"" + prefix)).count();
    }

    /** Where the test server script keeps its home, pid and logs (its own default, or OF_STATE). */
    private static Path stateDir() {
        return Path.of(System.getenv().getOrDefault("OF_STATE",
                System.getenv().getOrDefault("TMPDIR", "/tmp") + "/openfire-test-server"));
    }

    static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
