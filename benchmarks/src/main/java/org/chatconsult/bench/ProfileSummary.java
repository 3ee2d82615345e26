package org.chatconsult.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording of a load run (bin/bench with BENCH_JFR) as docs/performance.md does: of the stack
 * samples, the share each thread (numbers in names folded) took, and the share in which each method of interest
 * was on the stack (a method counts once per sample, whatever its depth).
 *
 * <pre>
 * bin/bench profile openfire-750.jfr ['regex of methods']
 * </pre>
 */
public final class ProfileSummary {
    private static final Pattern DEFAULT = Pattern.compile(
            "org\\.chatconsult|openfire\\.muc|PacketRouterImpl\\.route|RoutingTableImpl\\.routePacket|CacheSizes"
                    + "|hsqldb|dbcp2.*execute");
    private static final int SHOWN = 40;

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        Pattern interesting = args.length > 1 ? Pattern.compile(args[1]) : DEFAULT;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
            Set<String> onStack = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (interesting.matcher(method).find() && onStack.add(method)) {
                    methods.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d stack samples%n%nBy thread:%n", samples);
        print(threads, samples);
        System.out.printf("%nOn the stack (%s):%n", interesting.pattern());
        print(methods, samples);
    }

    private static void print(Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(SHOWN)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }
}
