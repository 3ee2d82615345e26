package org.chatconsult.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ChatConsult service in its own JVM, as an external component would run in production, so the load tool
 * measures its CPU (from /proc) and heap (from jcmd) apart from the load generator's.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

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

    /** User plus system CPU time of the service process so far, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, utime 14 and stime 15 (proc(5)).
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Heap in use after a full collection, in KiB. */
    long heapUsedAfterGcKiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info gave no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(List.of("jcmd", String.valueOf(process.pid()), command))
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
