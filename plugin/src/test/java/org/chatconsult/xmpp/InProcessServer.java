package org.chatconsult.xmpp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.chatconsult.core.Directory;
import org.chatconsult.core.Settings;
import org.chatconsult.store.Databases;
import org.chatconsult.store.StoreException;
import org.chatconsult.xmpp.assembly.ServiceAssembly;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The whole service in this JVM with a fake server around it, and no network. Stanzas for the service are
 * delivered on one thread, in order, as a server's router does; the {@link FakeMuc} answers what the service
 * says to rooms, and contacts' clients answer disco#info naming multi-user chat (but one on resource {@link #WEB}). Everything else the service
 * sends (to agents, contacts, into rooms) is kept, in order, for the test to read.
 */
final class InProcessServer implements AutoCloseable {
    static final String SERVICE = "consult.example.com";
    static final String MUC = "conference.example.com";
    /** The resource of a contact's client that does not speak XEP-0045, like a web widget's. */
    static final String WEB = "web";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger STORES = new AtomicInteger();

    private final ExecutorService router = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-server"));
    private final FakeMuc muc = new FakeMuc(MUC);
    private final List<Packet> sent = new CopyOnWriteArrayList<>();
    private final ServiceAssembly service;

    /** Long timeouts: nothing in a test expires unless the test makes it. */
    InProcessServer(Directory directory, Path setAside) throws StoreException {
        Settings settings = new Settings(Duration.ofMinutes(10), Duration.ofMinutes(10), 3, 100);
        ServiceConfig config = new ServiceConfig(SERVICE, MUC, settings, directory, Duration.ofHours(1),
                Databases.open("jdbc:hsqldb:mem:wire-" + STORES.incrementAndGet(), "SA", ""), null, false, setAside);
        service = new ServiceAssembly(config, this::fromService, new CpuAccount());
        service.start();
    }

    private void fromService(Packet packet) {
        if (muc.answer(packet, this::deliver)) {
            return;
        }
        if (packet instanceof IQ iq && iq.isRequest() && isDiscoInfo(iq)) {
            // A contact's (or agent's) client: it speaks XEP-0045, so a contact chats in the room itself; a web
            // widget's does not, and is bridged.
            IQ result = IQ.createResultIQ(iq);
            Element query = result.setChildElement("query", Protocol.NS_DISCO_INFO);
            if (!WEB.equals(iq.getTo().getResource())) {
                query.addElement("feature").addAttribute("var", Protocol.NS_MUC);
            }
            deliver(result);
            return;
        }
        sent.add(packet);
    }

    private static boolean isDiscoInfo(IQ iq) {
        return iq.getChildElement() != null && Protocol.NS_DISCO_INFO.equals(iq.getChildElement().getNamespaceURI());
    }

    /** Hands a stanza to the service as the server would, after everything delivered before it. */
    void deliver(Packet packet) {
        router.execute(() -> service.dispatch(packet));
    }

    /** Sends a request to the service and waits for its one reply (RFC 6120 §8.2.3). */
    IQ request(IQ request) {
        deliver(request);
        return (IQ) await("the reply to " + request.getChildElement().getName(), packet -> packet instanceof IQ iq
                && !iq.isRequest() && request.getID().equals(iq.getID()) && request.getFrom().equals(iq.getTo()));
    }

    /** Everything the service sent so far, apart from what the fake MUC and clients answered. */
    List<Packet> sent() {
        return List.copyOf(sent);
    }

    /** The first stanza the service sent that matches, waiting for it. */
    Packet await(String what, Predicate<Packet> match) {
        return await(what, () -> sent.stream().filter(match).findFirst().orElse(null));
    }

    /** The first non-null value of {@code probe}, polled with a deadline; fails the test with {@code what}. */
    static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        try {
            while (true) {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(what + ": not so within " + WAIT.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.sleep(pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        service.suspend();
        service.stop();
        router.shutdown();
        router.awaitTermination(5, TimeUnit.SECONDS);
    }
}
