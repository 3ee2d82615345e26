package org.chatconsult.xmpp.assembly;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener the core tells of every event, fanned out to the features in named phases. A feature that
 * throws is logged and the rest still hear the event: one bug must not silence the others.
 */
public final class ListenerPhases {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerPhases.class);

    /** The order in which features hear an event, and why it matters. */
    public enum Phase {
        /**
         * The change goes into the journal first: what later phases send "once durable" waits for every write
         * handed over before it, so it never announces a change a restart could lose.
         */
        RECORD,
        /** Rooms, offers and notices carry the change out. */
        CARRY_OUT,
        /** Views derived from it (the chat's history, recent targets). */
        FOLLOW
    }

    private final Map<Phase, List<ContactCentreListener>> phases = new EnumMap<>(Phase.class);
    private Consumer<Runnable> unit = Runnable::run;

    public ListenerPhases add(Phase phase, ContactCentreListener... listeners) {
        phases.computeIfAbsent(phase, ignored -> new ArrayList<>()).addAll(List.of(listeners));
        return this;
    }

    /**
     * Runs each event's fan-out inside {@code unit}, such as the journal's {@code together}: all that the phases
     * hand over for one event is committed as one.
     */
    public ListenerPhases eachEventIn(Consumer<Runnable> unit) {
        this.unit = unit;
        return this;
    }

    /**
     * One listener for all, phase by phase, in the order added within a phase: each event is a method of the
     * interface, so one forwarding handler serves them all and a new event needs no forwarding code.
     */
    public ContactCentreListener build() {
        List<ContactCentreListener> each = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            each.addAll(phases.getOrDefault(phase, List.of()));
        }
        List<ContactCentreListener> inOrder = List.copyOf(each);
        Consumer<Runnable> unit = this.unit;
        return (ContactCentreListener) Proxy.newProxyInstance(ContactCentreListener.class.getClassLoader(),
                new Class<?>[] {ContactCentreListener.class}, (proxy, event, arguments) -> {
                    if (event.getDeclaringClass() == Object.class) {
                        return event.getName().equals("toString") ? "phases" + inOrder
                                : event.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : proxy == arguments[0];
                    }
                    unit.accept(() -> {
                        for (ContactCentreListener listener : inOrder) {
                            try {
                                event.invoke(listener, arguments);
                            } catch (InvocationTargetException failure) {
                                LOG.error("{} failed on {}; the other features were told", listener.getClass()
                                        .getSimpleName(), event.getName(), failure.getCause());
                            } catch (IllegalAccessException unreachable) {
                                throw new IllegalStateException(unreachable); // the interface's methods are public
                            }
                        }
                    });
                    return null;
                });
    }
}
