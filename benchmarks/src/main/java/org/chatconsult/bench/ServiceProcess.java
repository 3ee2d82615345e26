package org.chatconsult.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ChatConsult service in its own JVM, as an external component would run in production, so the load tool
 * measures its CPU (from /proc) and heap (from jcmd) apart from the load generator's.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    static ServiceProcess start(Path config, String classpath, Path log) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        // The service's JVM options, e.g. -Dchatconsult.service.jvmargs="-Xmx1g -XX:StartFlightRecording=…"
        String options = System.getProperty("chatconsult.service.jvmargs", "-Xmx1g -XX:+UseG1GC").trim();
        command.addAll(List.of(options.split("\\s+")));
        command.addAll(List.of("-cp", classpath, "org.chatconsult.standalone.StandaloneService", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ChatConsult is running")) {
                Thread drain = new Thread(() -> {
                    try (var writer = Files.newBufferedWriter(log)) {
                        String more;
                        while ((more = out.readLine()) != null) {
                            writer.write(more);
                            writer.newLine();
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "service-log");
                drain.setDaemon(true);
                drain.start();
                return new ServiceProcess(process);
            }
        }
        throw new IOException("the service exited with " + process.waitFor());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
