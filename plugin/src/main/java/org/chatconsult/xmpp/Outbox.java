package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.Packet;

/**
 * What the service sends, handed to the server in order on a thread of its own. Inside Openfire a component's
 * send routes and delivers on the caller's thread (into a room: the broadcast to every occupant), which is the
 * server's work: done on the core thread it would hold up every chat behind it. One thread keeps the order the
 * service sent in (a room's lines, a presence before what follows it). The queue is bounded: when the server
 * falls that far behind, the sender waits, as it would if it sent itself.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** About a minute of the mirrored lines of a thousand busy chats. */
    static final int CAPACITY = 65_536;
    private static final Packet CLOSE = new org.xmpp.packet.Message();

    private final BlockingQueue<Packet> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer<Packet> server;
    private final Thread thread;

    /** {@code server} hands a stanza to the server (and may take its time). */
    public Outbox(Consumer<Packet> server) {
        this.server = server;
        this.thread = new Thread(this::run, "chatconsult-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** The thread that sends (for its CPU time). */
    public Thread thread() {
        return thread;
    }

    /**
     * Sends after everything sent before it. On the outbox's own thread (the server handed the service a stanza
     * while delivering one of its sends, and the service answers) it goes at once: waiting for itself would never end.
     */
    public void send(Packet packet) {
        if (packet == null) {
            return; // nothing to answer with
        }
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            deliver(packet);
            return;
        }
        try {
            queue.put(packet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliver(packet); // the caller is being stopped: better out of order than lost
        }
    }

    private void run() {
        try {
            for (Packet packet = queue.take(); packet != CLOSE; packet = queue.take()) {
                deliver(packet);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Packet packet) {
        try {
            server.accept(packet);
        } catch (RuntimeException e) {
            LOG.warn("could not send a {}", packet.getElement().getName(), e);
        }
    }

    /** Sends what is queued (within {@code wait}), then stops. */
    public void close(Duration wait) {
        try {
            if (!queue.offer(CLOSE, wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                thread.interrupt();
            }
            thread.join(wait.toMillis());
            if (thread.isAlive()) {
                LOG.warn("{} stanzas were not sent at shutdown", queue.size());
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
