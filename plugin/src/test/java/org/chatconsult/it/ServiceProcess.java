package org.chatconsult.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.core.Settings;
import org.chatconsult.standalone.ConfiguredDirectory;
import org.chatconsult.standalone.LocalProsody;
import org.chatconsult.standalone.StandaloneService;

/**
 * The standalone service in a JVM of its own, started from a properties file, so a test can kill it the hard
 * way (SIGKILL) and start it again on the same store.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    /** The properties of a service on the test server with the test directory, a file store and long timeouts. */
    static Path config(LocalProsody prosody, Path dir, String storeUrl) throws IOException {
        return config(prosody, dir, storeUrl, TestServer.settings(Duration.ofMinutes(2), Duration.ofMinutes(5), 3));
    }

    /** The same with the timeouts and capacity of {@code settings}. */
    static Path config(LocalProsody prosody, Path dir, String storeUrl, Settings settings) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "xmpp.domain=" + TestServer.DOMAIN,
                "xmpp.host=127.0.0.1",
                "xmpp.component.port=" + prosody.componentPort(),
                "component.subdomain=" + TestServer.SUBDOMAIN,
                "component.secret=" + prosody.componentSecret(),
                "muc.service=" + prosody.mucService(),
                "offer.timeout=" + settings.offerTimeout().toMillis() + "ms",
                "queue.maxwait=" + settings.maxQueueWait().toMillis() + "ms",
                "agent.capacity=" + settings.defaultCapacity(),
                "store.dir=" + dir.resolve("store"),
                "store.url=" + storeUrl));
        ConfiguredDirectory directory = TestServer.directory();
        directory.agents().forEach(a -> lines.add("agent." + a.address() + "=" + a.displayName()));
        List<RoutingPoint> points = directory.routingPoints().stream().filter(p -> !p.agents().isEmpty()).toList();
        lines.add("routingpoints=" + String.join(",", points.stream().map(RoutingPoint::name).toList()));
        for (RoutingPoint point : points) { // one served by nobody is left out: blank would mean every agent
            lines.add("routingpoint." + point.name() + ".name=" + point.displayName());
            lines.add("routingpoint." + point.name() + ".agents=" + String.join(",", point.agents()));
        }
        lines.add("groups=" + String.join(",", directory.agentGroups().stream().map(AgentGroup::name).toList()));
        for (AgentGroup group : directory.agentGroups()) {
            lines.add("group." + group.name() + ".name=" + group.displayName());
            lines.add("group." + group.name() + ".agents=" + String.join(",", group.agents()));
        }
        Path file = dir.resolve("service.properties");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }

    /** Starts the service and returns once it says it is connected. */
    static ServiceProcess start(Path config) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StandaloneService.class.getName(), config.toString()).redirectErrorStream(true).start();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            // The whole output goes beside the configuration, to read when a test fails.
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); Writer log = Files.newBufferedWriter(
                    config.resolveSibling("service.log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.write(line + "\n");
                    log.flush();
                    if (line.contains("ChatConsult is running")) {
                        running.countDown();
                    }
                    if (line.contains("WARN") || line.contains("ERROR") || line.contains("restoring")) {
                        System.out.println("[service] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        if (!running.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not start");
        }
        return new ServiceProcess(process);
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving rooms. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the service stops the way an operator stops it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
