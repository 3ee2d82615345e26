package org.chatconsult.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A fresh Openfire 5.1 for one run (the test server of ../shared/openfire, or the directory
 * {@code chatconsult.openfire.dir} names) with, when the run has one, the plugin installed: the service inside the
 * server, its rooms on Openfire's own MUC. Its agents come from Openfire groups, its settings are saved on the
 * plugin's settings page, and its CPU is what the service's statistics command reports.
 */
final class OpenfireServer implements LoadServer {
    private static final int C2S_PORT = 5222;
    private static final String CONSOLE = "http://localhost:9090/";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final List<String> CPU_FIELDS = List.of("cpu-delivering-us", "cpu-core-us", "cpu-store-us",
            "cpu-outbox-us");

    private final Path script;
    private final Map<String, String> environment;
    private final long pid;
    private final XMPPTCPConnection supervisor;
    private final boolean withService;

    private OpenfireServer(Path script, Map<String, String> environment, long pid, XMPPTCPConnection supervisor,
            boolean withService) {
        this.withService = withService;
        this.script = script;
        this.environment = environment;
        this.pid = pid;
        this.supervisor = supervisor;
    }

    static OpenfireServer start(Path dir, Accounts accounts, boolean withService) throws Exception {
        Path script = Path.of(System.getProperty("chatconsult.openfire.dir", "../shared/openfire"))
                .resolve("openfire-test-server").toAbsolutePath();
        if (!Files.exists(script)) {
            throw new IllegalStateException("no Openfire test server at " + script
                    + " (set -Dchatconsult.openfire.dir to an Openfire test server's directory)");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OF_STATE", dir.resolve("openfire").toString());
        environment.put("OF_JAVA_OPTS", System.getProperty("chatconsult.openfire.jvmargs", "-Xmx3g -XX:+UseG1GC"));
        environment.put("OF_USERS", accounts.passwords().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" ")));
        List<String> start = new ArrayList<>(List.of("start"));
        if (withService) {
            start.add(Path.of(System.getProperty("chatconsult.plugin.jar", "plugin/target/chatconsult.jar"))
                    .toAbsolutePath().toString());
        }
        run(script, environment, start);
        long pid = Long.parseLong(Files.readString(dir.resolve("openfire/openfire.pid")).trim());
        XMPPTCPConnection admin = LoadTool.connect(C2S_PORT, "admin", "admin");
        try {
            addGroup(admin, "owners", accounts.owners());
            List<String> agents = new ArrayList<>(accounts.owners());
            agents.addAll(accounts.targets());
            addGroup(admin, "agents", agents);
            addGroup(admin, "supervisors", List.of(accounts.supervisor()));
        } finally {
            admin.disconnect();
        }
        if (withService) {
            saveSettings();
        }
        return new OpenfireServer(script, environment, pid,
                LoadTool.connect(C2S_PORT, accounts.supervisor(), accounts.passwords().get(accounts.supervisor())),
                withService);
    }

    @Override
    public String name() {
        return "Openfire";
    }

    @Override
    public int c2sPort() {
        return C2S_PORT;
    }

    /**
     * The service's own CPU as its statistics command counts it: stanza handling on Openfire's threads, the core
     * and the store thread, less the time inside Openfire's send (Openfire routing and delivering what the service
     * sends, which a client's stanzas cost Openfire too).
     */
    @Override
    public double serviceCpuSeconds() throws Exception {
        if (!withService) {
            return 0;
        }
        RemoteCommand statistics = AdHocCommandManager.getAddHocCommandsManager(supervisor)
                .getRemoteCommand(JidCreate.from("consult.localhost"), "statistics");
        statistics.execute();
        DataForm report = statistics.getForm();
        System.out.println("service statistics: " + report.getFields().stream().filter(f -> f.getVariable()
                .startsWith("cpu-") || f.getVariable().equals("stored")).map(f -> f.getVariable() + "="
                + f.getFirstValue()).collect(Collectors.joining(", ")));
        long micros = -Long.parseLong(report.getField("cpu-sending-us").getFirstValue());
        for (String field : CPU_FIELDS) {
            micros += Long.parseLong(report.getField(field).getFirstValue());
        }
        return micros / 1e6;
    }

    @Override
    public double serverCpuSeconds() throws Exception {
        return JvmProbe.cpuSeconds(pid);
    }

    @Override
    public void record(Path file, int seconds) throws Exception {
        JvmProbe.record(pid, file, seconds);
    }

    @Override
    public long heapUsedAfterGcKiB() throws Exception {
        return JvmProbe.heapUsedAfterGcKiB(pid);
    }

    /** The agents group (owners and targets), a group of owners serving the run's routing points, a supervisor. */
    private static void addGroup(XMPPTCPConnection admin, String name, List<String> members) throws Exception {
        RemoteCommand addGroup = AdHocCommandManager.getAddHocCommandsManager(admin)
                .getRemoteCommand(JidCreate.from("localhost"), "http://jabber.org/protocol/admin#add-group");
        addGroup.execute();
        FillableForm group = new FillableForm(addGroup.getForm());
        group.setAnswer("group", name);
        group.setAnswer("members", members.stream().map(member -> member + "@localhost").toList());
        group.setAnswer("showInRoster", "nobody");
        addGroup.complete(group);
    }

    /** The run's settings on the plugin's page, as an operator saves them: the service restarts with them. */
    private static void saveSettings() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        submit(http, "login.jsp", Map.of("url", "", "login", "true", "username", "admin", "password", "admin"));
        StringBuilder points = new StringBuilder();
        for (int p = 0; p < LoadTool.ROUTING_POINTS; p++) {
            points.append("rp").append(p).append(" | Point ").append(p).append(" | owners\n");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("routingPoints", points.toString());
        form.put("agentGroups", "supervisors"); // whose members may read the statistics
        form.put("offerTimeout", "60");
        form.put("queueMaxWait", "600");
        form.put("capacity", "100");
        form.put("dispositions", "");
        form.put("retentionDays", "0");
        form.put("contactCheck", "30");
        if (!submit(http, "plugins/chatconsult/chatconsult-settings", form).contains("id=\"saved\"")) {
            throw new IllegalStateException("the plugin's settings page did not take the run's settings");
        }
    }

    /** Opens the page for its CSRF token, then sends the form to it; returns the page shown after. */
    private static String submit(HttpClient http, String page, Map<String, String> fields) throws Exception {
        Matcher token = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(CONSOLE + page)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", token.group(1));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(CONSOLE + page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void run(Path script, Map<String, String> environment, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openfire-test-server " + arguments + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        supervisor.disconnect();
        run(script, environment, List.of("stop"));
    }
}
