package org.chatconsult.bench;

import java.util.List;
import java.util.Map;

/**
 * The server a load run drives: where clients connect and what the service costs there. Prosody with the service
 * as an external component in its own JVM, or Openfire with the service as a plugin inside it.
 */
interface LoadServer extends AutoCloseable {
    /** Every account of a run and its password. */
    record Accounts(Map<String, String> passwords, List<String> owners, List<String> targets,
            String supervisor) {
    }

    String name();

    int c2sPort();

    /** CPU seconds the service has spent so far (0 when the run has no service). */
    double serviceCpuSeconds() throws Exception;

    /**
     * CPU seconds every process serving the chats has spent so far: Openfire with the plugin in it; Prosody and the
     * service's JVM beside it. What a server can hold on its cores is the inverse of this per line.
     */
    double serverCpuSeconds() throws Exception;

    /**
     * KiB in use after a full collection in the JVM that holds the service's state: the service's own JVM beside
     * Prosody; Openfire's, rooms and all, for the plugin (-1 where there is no such JVM).
     */
    long heapUsedAfterGcKiB() throws Exception;

    /**
     * Starts a Java Flight Recording of the JVM that holds the service for {@code seconds}, written to {@code file}
     * (Openfire's, or the service's own beside Prosody).
     */
    void record(java.nio.file.Path file, int seconds) throws Exception;

    @Override
    void close() throws Exception;
}
