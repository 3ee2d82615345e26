package org.chatconsult.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the load tool reads of another JVM on this machine: CPU time from /proc, heap from jcmd. */
final class JvmProbe {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private JvmProbe() {
    }

    /** User plus system CPU time of the process so far, in seconds. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, utime 14 and stime 15 (proc(5)).
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Heap in use after a full collection, in KiB. */
    static long heapUsedAfterGcKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info gave no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    /** Starts a flight recording (JFR's "profile" settings: a stack sample every 10 ms per running thread). */
    static void record(long pid, Path file, int seconds) throws IOException, InterruptedException {
        String answer = jcmd(pid, "JFR.start settings=profile duration=" + seconds + "s filename=" + file);
        if (!answer.contains("Started recording")) {
            throw new IOException("jcmd JFR.start: " + answer);
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(List.of("jcmd", String.valueOf(pid), command)).redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
