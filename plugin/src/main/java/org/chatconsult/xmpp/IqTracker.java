package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.chatconsult.core.Scheduler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Matches the answers to the IQ requests the service sends (RFC 6120 §8.2.3: each gets exactly one result or
 * error) and fails a request that is not answered in time.
 */
public final class IqTracker {
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A request waiting for its answer, and the timer that fails it if none comes. */
    private static final class Pending {
        final CompletableFuture<IQ> answer = new CompletableFuture<>();
        volatile Scheduler.Cancellable timeout;
    }
    private final Consumer<Packet> out;
    private final CoreThread timers;
    private final Duration timeout;

    public IqTracker(Consumer<Packet> out, CoreThread timers, Duration timeout) {
        this.out = out;
        this.timers = timers;
        this.timeout = timeout;
    }

    /** Sends the request; the future completes with the result, or fails with an {@link XmppErrorException}. */
    public CompletableFuture<IQ> request(IQ iq) {
        Pending request = new Pending();
        String id = iq.getID();
        // The timer keeps only words, not the stanza: an answered request leaves nothing behind.
        String what = iq.getChildElement().getName() + " to " + iq.getTo();
        pending.put(id, request);
        request.timeout = timers.schedule(timeout, () -> {
            Pending late = pending.remove(id);
            if (late != null) {
                late.answer.completeExceptionally(new XmppErrorException(PacketError.Condition.remote_server_timeout,
                        "no answer to " + what));
            }
        });
        out.accept(iq);
        return request.answer;
    }

    /** Offers an incoming result or error; true when it answered one of our requests. */
    public boolean answer(IQ iq) {
        Pending request = pending.remove(iq.getID());
        if (request == null) {
            return false;
        }
        Scheduler.Cancellable timer = request.timeout;
        if (timer != null) {
            timer.cancel();
        }
        CompletableFuture<IQ> waiting = request.answer;
        if (iq.getType() == IQ.Type.error) {
            PacketError error = iq.getError();
            PacketError.Condition condition = error == null ? PacketError.Condition.undefined_condition
                    : error.getCondition();
            waiting.completeExceptionally(new XmppErrorException(condition,
                    iq.getFrom() + " answered " + condition + (error != null && error.getText() != null
                            ? ": " + error.getText() : "")));
        } else {
            waiting.complete(iq);
        }
        return true;
    }
}
