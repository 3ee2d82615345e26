package org.chatconsult.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the service logged while a test watched: the lines since the watch began, so a test can check that
 * nothing a client sent made the service log a stack trace.
 */
abstract class ServiceLog implements AutoCloseable {
    /** The lines logged since the watch began. */
    abstract List<String> lines() throws IOException;

    @Override
    public void close() {
    }

    private static final java.util.regex.Pattern OTHER_HEADER =
            java.util.regex.Pattern.compile("^[A-Z][a-z]{2} \\d{1,2}, \\d{4} .*");

    /**
     * The service's own log lines that carry a stack trace or name an exception: a line written by a logger of
     * {@code org.chatconsult} (both slf4j-simple's and Openfire's lines begin with the time) and the trace lines
     * that follow it. Other libraries' lines in the same stream (Smack's, through java.util.logging) are not the
     * service's.
     */
    List<String> serviceTraces() throws IOException {
        List<String> traces = new java.util.ArrayList<>();
        boolean ours = false;
        for (String line : lines()) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                ours = line.contains("org.chatconsult");
                if (ours && line.contains("Exception")) {
                    traces.add(line);
                }
            } else if (OTHER_HEADER.matcher(line).matches()) {
                ours = false;
            } else if (ours && (line.startsWith("\tat ") || line.startsWith("Caused by")
                    || line.matches("^[a-z][\\w.$]*(Exception|Error)\\b.*"))) {
                traces.add(line);
            }
        }
        return traces;
    }

    /** The test JVM's standard error (the in-process service logs there), copied as it is written. */
    static ServiceLog standardError() {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (copy) {
                    copy.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        return new ServiceLog() {
            @Override
            List<String> lines() {
                synchronized (copy) {
                    return copy.toString(StandardCharsets.UTF_8).lines().toList();
                }
            }

            @Override
            public void close() {
                System.setErr(original);
            }
        };
    }

    /** A log file written by another process (Openfire's), from its length now on. */
    static ServiceLog file(Path log) throws IOException {
        long offset = Files.size(log);
        return new ServiceLog() {
            @Override
            List<String> lines() throws IOException {
                byte[] all = Files.readAllBytes(log);
                return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                        StandardCharsets.UTF_8).lines().toList();
            }
        };
    }

    /** The heap a process holds after a full collection, in KiB (jcmd GC.run, then GC.heap_info). */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IOException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd " + command + " did not finish");
        }
        return out;
    }
}
