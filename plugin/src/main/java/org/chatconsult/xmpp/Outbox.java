package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
    /** Set once the thread has ended: from then on every send goes at once, on its caller's thread. */
    private volatile boolean closed;

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
     * Sends after everything sent before it. That holds on the outbox's own thread too (the server handed the
     * service a stanza while delivering one of its sends, and the service goes on from there, such as entering the
     * next room once one is entered): going at once would overtake what waits, such as a leave before its enter.
     * Only if the queue is full does the thread send its own at once, since waiting for itself would never end.
     */
    public void send(Packet packet) {
        if (packet == null) {
            return; // nothing to answer with
        }
        boolean queued = !closed && (Thread.currentThread() == thread ? queue.offer(packet) : put(packet));
        if (!queued) {
            deliver(packet);
        } else if (closed) {
            drain(); // the thread may have ended meanwhile: what it left is sent here
        }
    }

    private boolean put(Packet packet) {
        try {
            queue.put(packet);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // the caller is being stopped: better out of order than lost
        }
    }

    private void run() {
        try {
            for (Packet packet = queue.take(); packet != CLOSE; packet = queue.take()) {
                deliver(packet);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            drain();
        }
    }

    private void drain() {
        for (Packet packet = queue.poll(); packet != null; packet = queue.poll()) {
            if (packet != CLOSE) {
                deliver(packet);
            }
        }
    }

    private void deliver(Packet packet) {
        try {
            server.accept(packet);
        } catch (RuntimeException e) {
            LOG.warn("could not send a {}", packet.getElement().getName(), e);
        }
    }

    /**
     * Sends what is queued, then stops the thread; whatever is sent later goes at once. If the server takes longer
     * than {@code wait}, the thread is interrupted, and sends what is left without waiting in the queue.
     */
    public void close(Duration wait) {
        try {
            if (!queue.offer(CLOSE, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.interrupt();
            }
            thread.join(wait.toMillis());
            if (thread.isAlive()) {
                LOG.warn("the server took longer than {} s for what was sent at shutdown", wait.toSeconds());
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
