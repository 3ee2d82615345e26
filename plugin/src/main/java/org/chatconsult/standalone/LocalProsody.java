package org.chatconsult.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Prosody (Debian's {@code prosody} package) on 127.0.0.1: its own config, data and log in one
 * directory, its own ports, a MUC service and a slot for our external component. For the tests and the demo;
 * production servers are configured by their admins (README.md).
 */
public final class LocalProsody implements AutoCloseable {
    private static final String PROSODY = "prosody";
    private static final String PROSODYCTL = "prosodyctl";

    private final Path dir;
    private final String domain;
    private final int c2sPort;
    private final int componentPort;
    /** Where web clients connect: WebSocket (RFC 7395) and BOSH (XEP-0206) on one HTTP port. */
    private final int httpPort;
    private final String componentSecret;
    private final List<String> otherHosts;
    private Process process;

    private LocalProsody(Path dir, String domain, int c2sPort, int componentPort, int httpPort, String componentSecret,
            List<String> otherHosts) {
        this.otherHosts = otherHosts;
        this.dir = dir;
        this.domain = domain;
        this.c2sPort = c2sPort;
        this.componentPort = componentPort;
        this.componentSecret = componentSecret;
        this.httpPort = httpPort;
    }

    /**
     * Writes the config into {@code dir}, registers {@code accounts} (user → password) and starts the server.
     * Ports of 0 are chosen free.
     */
    public static LocalProsody start(Path dir, String domain, int c2sPort, int componentPort, String componentSubdomain,
            String componentSecret, Map<String, String> accounts) throws IOException, InterruptedException {
        return start(dir, domain, c2sPort, componentPort, componentSubdomain, componentSecret, accounts, List.of());
    }

    /**
     * The same, serving {@code otherHosts} too: domains of their own on the same server, whose users reach the
     * service as users of another server would (Prosody routes between its hosts without s2s).
     */
    public static LocalProsody start(Path dir, String domain, int c2sPort, int componentPort, String componentSubdomain,
            String componentSecret, Map<String, String> accounts, List<String> otherHosts)
            throws IOException, InterruptedException {
        return start(dir, domain, c2sPort, componentPort, componentSubdomain, componentSecret, accounts, otherHosts,
                true);
    }

    /**
     * The same; {@code roomsByServiceOnly} restricts room creation on the MUC service to the ChatConsult service,
     * as the README advises (a client rejoining a destroyed room from a bookmark cannot make it anew). Off only
     * where users make rooms of their own, as the benchmarks' clients do.
     */
    public static LocalProsody start(Path dir, String domain, int c2sPort, int componentPort, String componentSubdomain,
            String componentSecret, Map<String, String> accounts, List<String> otherHosts, boolean roomsByServiceOnly)
            throws IOException, InterruptedException {
        LocalProsody prosody = new LocalProsody(dir, domain, c2sPort == 0 ? freePort() : c2sPort,
                componentPort == 0 ? freePort() : componentPort, freePort(), componentSecret, otherHosts);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(prosody.configFile(), prosody.config(componentSubdomain, roomsByServiceOnly),
                StandardCharsets.UTF_8);
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            prosody.register(account.getKey(), account.getValue());
        }
        prosody.start();
        return prosody;
    }

    /** Starts the server (again, after {@link #stop}) on the same ports and data. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(PROSODY, "--config", configFile().toString(), "-F")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(listening(c2sPort) && listening(componentPort) && listening(httpPort))) {
            if (!process.isAlive()) {
                throw new IOException("prosody exited with " + process.exitValue() + "; see " + dir.resolve("stdout.log")
                        + " and " + dir.resolve("prosody.log"));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IOException("prosody did not listen on " + c2sPort + " and " + componentPort + " in time");
            }
            Thread.sleep(20);
        }
    }

    public void register(String user, String password) throws IOException, InterruptedException {
        register(user, domain, password);
    }

    /** An account on {@code host}: the main domain or one of the other hosts. */
    public void register(String user, String host, String password) throws IOException, InterruptedException {
        Process ctl = new ProcessBuilder(PROSODYCTL, "--config", configFile().toString(), "register", user, host,
                password).redirectErrorStream(true).start();
        String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ctl.waitFor(30, TimeUnit.SECONDS) || ctl.exitValue() != 0) {
            throw new IOException("prosodyctl register " + user + " failed: " + output);
        }
    }

    public String domain() {
        return domain;
    }

    /** The server's process id (for what it costs, in a benchmark). */
    public long pid() {
        return process.pid();
    }

    public int c2sPort() {
        return c2sPort;
    }

    public int componentPort() {
        return componentPort;
    }

    /** The WebSocket endpoint a browser connects to (RFC 7395). */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + httpPort + "/xmpp-websocket";
    }

    /** The BOSH endpoint (XEP-0206), the fallback where a WebSocket cannot connect. */
    public String boshUrl() {
        return "http://127.0.0.1:" + httpPort + "/http-bind";
    }

    public String componentSecret() {
        return componentSecret;
    }

    /** The host where anyone logs in without an account (SASL ANONYMOUS). */
    public String guestDomain() {
        return "guest." + domain;
    }

    public String mucService() {
        return "conference." + domain;
    }

    public Path directory() {
        return dir;
    }

    /** Stops the server; its data stays for a later {@link #start}. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private Path configFile() {
        return dir.resolve("prosody.cfg.lua");
    }

    /**
     * Plain-text auth without TLS is for loopback tests only. The MUC settings follow the README's advice:
     * a room cache large enough that live rooms stay in memory, Nagle off, history long enough for a chat.
     */
    private String config(String componentSubdomain, boolean roomsByServiceOnly) {
        String service = componentSubdomain + "." + domain;
        String d = dir.toAbsolutePath().toString();
        return String.join("\n", List.of(
                "run_as_root = true",
                "daemonize = false",
                "pidfile = \"" + d + "/prosody.pid\"",
                "data_path = \"" + d + "/data\"",
                "certificates = \"" + d + "\"",
                "log = { info = \"" + d + "/prosody.log\" }",
                "modules_enabled = { \"roster\", \"saslauth\", \"disco\", \"ping\", \"presence\", \"message\", \"iq\", \"offline\", \"posix\", \"websocket\", \"bosh\" }",
                "c2s_ports = { " + c2sPort + " }",
                "c2s_interfaces = { \"127.0.0.1\" }",
                "s2s_ports = { }",
                "component_ports = { " + componentPort + " }",
                "component_interface = \"127.0.0.1\"",
                "c2s_require_encryption = false",
                // Web clients on loopback, without TLS: Prosody otherwise refuses plain-text web sessions.
                "http_ports = { " + httpPort + " }",
                "http_interfaces = { \"127.0.0.1\" }",
                "https_ports = { }",
                "consider_websocket_secure = true",
                "consider_bosh_secure = true",
                "allow_unencrypted_plain_auth = true",
                "authentication = \"internal_hashed\"",
                "network_settings = { nagle = false }",
                "limits = { c2s = { rate = \"10mb/s\" } }",
                "",
                "VirtualHost \"" + domain + "\"",
                "",
                otherHosts.stream().map(host -> "VirtualHost \"" + host + "\"\n").reduce("", String::concat),
                // Guests, such as web-chat contacts, log in without an account (SASL ANONYMOUS, RFC 4505).
                "VirtualHost \"" + guestDomain() + "\"",
                "  authentication = \"anonymous\"",
                "",
                "Component \"conference." + domain + "\" \"muc\"",
                "  muc_room_cache_size = 10000",
                "  max_history_messages = 200",
                "  muc_room_default_history_length = 200",
                // The service creates its rooms as its own domain (an occupant address without a local part), which
                // the restriction lets through as an admin of the MUC service.
                roomsByServiceOnly ? "  restrict_room_creation = true\n  admins = { \"" + service + "\" }" : "",
                "",
                "Component \"" + service + "\"",
                "  component_secret = \"" + componentSecret + "\"",
                ""));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
