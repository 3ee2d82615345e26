package org.chatconsult.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    /** The properties of a service on the test server with the test directory's sales agents and a file store. */
    static Path config(LocalProsody prosody, Path dir, String storeUrl) throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, String.join("\n", List.of(
                "xmpp.domain=" + TestServer.DOMAIN,
                "xmpp.host=127.0.0.1",
                "xmpp.component.port=" + prosody.componentPort(),
                "component.subdomain=" + TestServer.SUBDOMAIN,
                "component.secret=" + prosody.componentSecret(),
                "muc.service=" + prosody.mucService(),
                "agent.agent1@localhost=Agent 1",
                "agent.agent2@localhost=Agent 2",
                "agent.agent3@localhost=Agent 3",
                "agent.agent4@localhost=Agent 4",
                "routingpoints=sales",
                "routingpoint.sales.name=Sales",
                "routingpoint.sales.agents=agent1@localhost,agent2@localhost",
                "offer.timeout=2m",
                "queue.maxwait=5m",
                "store.url=" + storeUrl)), StandardCharsets.UTF_8);
        return file;
    }

    /** Starts the service and returns once it says it is connected. */
    static ServiceProcess start(Path config) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StandaloneService.class.getName(), config.toString()).redirectErrorStream(true).start();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
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
