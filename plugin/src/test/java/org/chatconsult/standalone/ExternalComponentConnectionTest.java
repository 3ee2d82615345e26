package org.chatconsult.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.chatconsult.it.Await;
import org.chatconsult.xmpp.edge.StanzaGuard;
import org.chatconsult.xmpp.edge.StanzaRefusals;
import org.chatconsult.xmpp.edge.Violation;
import org.dom4j.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * The connector against a hostile stream: a stand-in XMPP server on a loopback socket that accepts the
 * component (XEP-0114 §3) and then sends what a real server would pass on from any client, and worse. The
 * reader must answer, go on, and when the stream itself breaks, dial again.
 */
class ExternalComponentConnectionTest {
    private static final String OPEN = "<stream:stream xmlns='jabber:component:accept' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='consult.localhost' id='s1'>";

    private ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final List<StringBuilder> written = new CopyOnWriteArrayList<>();
    private final Recorder component = new Recorder();
    private ExternalComponentConnection connection;

    @BeforeEach
    void start() throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
        connection = new ExternalComponentConnection("127.0.0.1", server.getLocalPort(), "localhost", "secret");
        connection.addComponent("consult", component);
        assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterEach
    void stop() throws IOException {
        connection.close();
        server.close();
    }

    /** Accepts every connection, answers its stream header and handshake, and records what it writes after. */
    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                StringBuilder in = new StringBuilder();
                written.add(in);
                Thread reader = new Thread(() -> readInto(socket, in), "fake-server-reader");
                reader.setDaemon(true);
                reader.start();
                awaitText(in, "<stream:stream");
                send(socket, OPEN);
                awaitText(in, "</handshake>");
                send(socket, "<handshake/>");
                accepted.add(socket);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private static void readInto(Socket socket, StringBuilder sink) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (sink) {
                    sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    sink.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the connection closed
        }
    }

    private static void awaitText(StringBuilder sink, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (sink) {
            while (sink.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("never received " + text);
                }
                TimeUnit.NANOSECONDS.timedWait(sink, left);
            }
        }
    }

    private static void send(Socket socket, String xml) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String ping(String id) {
        return "<iq type='get' id='" + id + "' from='carol@localhost/web' to='consult.localhost'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>";
    }

    private static String nested(String id, int depth) {
        return "<iq type='set' id='" + id + "' from='carol@localhost/web' to='consult.localhost'>"
                + "<query xmlns='urn:example'>" + "<x>".repeat(depth) + "</x>".repeat(depth) + "</query></iq>";
    }

    @Test
    void answersStanzasPastTheLimitsAndGoesOn() throws Exception {
        Socket socket = accepted.poll(10, TimeUnit.SECONDS);
        send(socket, nested("deep", 5_000));
        send(socket, nested("deeper", 200_000));
        send(socket, "<iq type='set' id='wide' from='carol@localhost/web' to='consult.localhost'>"
                + "<end xmlns='urn:chatconsult:0' interaction='" + "S".repeat(1_000_000) + "'/></iq>");
        send(socket, "<message from='carol@localhost/web' to='sales@consult.localhost'><body>"
                + "T".repeat(500_000) + "</body></message>");
        send(socket, ping("after"));
        Packet after = component.await(p -> "after".equals(p.getID()));
        assertThat(after.getElement().element("ping")).isNotNull();
        StringBuilder out = written.get(0);
        awaitText(out, "id=\"wide\"");
        synchronized (out) {
            String replies = out.toString();
            assertThat(replies).contains("id=\"deep\"", "id=\"deeper\"", "deeper than", "longer than", "larger than");
            assertThat(replies).doesNotContain("SSSS", "TTTT", "<x>");
        }
        assertThat(component.refused).hasSize(4);
        assertThat(component.packets).extracting(Packet::getID).containsExactly("after");
    }

    @Test
    void aComponentThatThrowsDoesNotStopTheReader() throws Exception {
        Socket socket = accepted.poll(10, TimeUnit.SECONDS);
        send(socket, ping("throw-runtime") + ping("throw-overflow") + ping("fine"));
        assertThat(component.await(p -> "fine".equals(p.getID()))).isNotNull();
        assertThat(connection.isConnected()).isTrue();
        assertThat(accepted).isEmpty();
    }

    @Test
    void aBrokenStreamEndsInANewConnectionNotADeadReader() throws Exception {
        Socket first = accepted.poll(10, TimeUnit.SECONDS);
        send(first, "<iq type='get' id='broken'><ping xmlns='urn:xmpp:ping'></iq>" + ping("lost"));
        Socket second = accepted.poll(10, TimeUnit.SECONDS);
        assertThat(second).as("the connector dialled again").isNotNull();
        send(second, ping("again"));
        assertThat(component.await(p -> "again".equals(p.getID()))).isNotNull();
    }

    /** Records what the connector hands over; answers refusals the way the service does. */
    private static final class Recorder implements Component, StanzaRefusals {
        final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
        final List<Violation> refused = new CopyOnWriteArrayList<>();
        private volatile ComponentManager manager;

        Packet await(Predicate<Packet> match) throws InterruptedException {
            Packet delivered = Await.value(Duration.ofSeconds(10),
                    () -> packets.stream().filter(match).findFirst().orElse(null));
            if (delivered == null) {
                throw new AssertionError("never delivered");
            }
            return delivered;
        }

        @Override
        public void refuse(Element stanza, Violation violation) {
            refused.add(violation);
            try {
                manager.sendPacket(this, StanzaGuard.refusal(stanza, violation));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void processPacket(Packet packet) {
            if ("throw-runtime".equals(packet.getID())) {
                throw new IllegalStateException("a bug in the component");
            }
            if ("throw-overflow".equals(packet.getID())) {
                throw new StackOverflowError("a deeper bug");
            }
            packets.add(packet);
        }

        @Override
        public String getName() {
            return "recorder";
        }

        @Override
        public String getDescription() {
            return "records stanzas";
        }

        @Override
        public void initialize(JID jid, ComponentManager componentManager) {
            this.manager = componentManager;
        }

        @Override
        public void start() {
        }

        @Override
        public void shutdown() {
        }
    }
}
