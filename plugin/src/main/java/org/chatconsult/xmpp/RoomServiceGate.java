package org.chatconsult.xmpp;

import java.util.ArrayList;
import java.util.List;

/**
 * Until the server's MUC service is known (found by disco at start), room traffic cannot be told from other
 * traffic and no room can be addressed: what needs it waits here, in the order it came, and runs once it is
 * known. Nothing blocks meanwhile.
 */
public final class RoomServiceGate {
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    public RoomServiceGate(boolean open) {
        this.open = open;
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** Runs {@code task} now if the MUC service is known, else once it is. Tasks only hand work on: they are quick. */
    public void whenOpen(Runnable task) {
        synchronized (this) {
            if (!open) {
                held.add(task);
                return;
            }
        }
        task.run();
    }

    /** The MUC service is known: what waited runs, in order, before anything that comes after. */
    public synchronized void open() {
        held.forEach(Runnable::run);
        held.clear();
        open = true;
    }
}
