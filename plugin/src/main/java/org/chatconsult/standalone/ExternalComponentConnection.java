package org.chatconsult.standalone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.chatconsult.xmpp.Reconnectable;
import org.chatconsult.xmpp.edge.StanzaRefusals;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Connects one Tinder component to any XMPP server as an external component (XEP-0114), and reconnects by
 * itself whenever the connection drops, for as long as it is not closed. The component keeps running across
 * reconnects; stanzas it sends while the link is down are dropped and logged.
 */
public final class ExternalComponentConnection implements ComponentManager, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalComponentConnection.class);
    private static final String NS_ACCEPT = "jabber:component:accept";
    private static final String NS_STREAM = "http://etherx.jabber.org/streams";
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final String serverName;
    private final String secret;
    private final Map<String, String> properties = new ConcurrentHashMap<>();
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final Object writeLock = new Object();
    private volatile boolean closed;
    /** False once the component is shut down: what the server still sends then is dropped quietly. */
    private volatile boolean delivering = true;
    private volatile Socket socket;
    private Writer writer;
    private Component component;
    private String domain;
    private Thread reader;
    private final ScheduledExecutorService keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "xep0114-keepalive");
        thread.setDaemon(true);
        return thread;
    });

    public ExternalComponentConnection(String host, int port, String serverName, String secret) {
        this.host = host;
        this.port = port;
        this.serverName = serverName;
        this.secret = secret;
    }

    /**
     * Registers the component as {@code subdomain.serverName} and connects, retrying until the server accepts.
     * Returns once the component is initialised; {@link #awaitConnected} waits for the first handshake.
     */
    @Override
    public synchronized void addComponent(String subdomain, Component component) throws ComponentException {
        if (this.component != null) {
            throw new ComponentException("this connection already carries " + domain);
        }
        this.component = component;
        this.domain = subdomain + "." + serverName;
        component.initialize(new JID(null, domain, null), this);
        reader = new Thread(this::run, "xep0114-" + domain);
        reader.setDaemon(true);
        reader.start();
        // A whitespace keepalive (RFC 6120 §4.6.1) on a quiet link: a dead connection fails the write, and the
        // reader reconnects.
        keepalive.scheduleWithFixedDelay(() -> writeRaw(" "), KEEPALIVE.toSeconds(), KEEPALIVE.toSeconds(),
                TimeUnit.SECONDS);
    }

    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return firstConnection.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isConnected() {
        Socket current = socket;
        return current != null && !current.isClosed();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean started = false;
        while (!closed) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 5_000);
                s.setTcpNoDelay(true);
                socket = s;
                XMLStreamReader xml = handshake(s);
                LOG.info("{} connected to {}:{}", domain, host, port);
                backoff = Duration.ofMillis(100);
                if (!started) {
                    component.start();
                    started = true;
                } else if (component instanceof Reconnectable reconnectable) {
                    reconnectable.reconnected();
                }
                firstConnection.countDown();
                readStanzas(xml);
            } catch (IOException | XMLStreamException | ComponentException | RuntimeException | StackOverflowError e) {
                // Whatever ends the reading ends this connection, never the reader: it dials again. (Any other
                // error, out of memory above all, ends the thread; the standalone service then exits.)
                if (started && !closed && component instanceof Reconnectable reconnectable) {
                    reconnectable.disconnected();
                }
                if (!closed) {
                    LOG.warn("{}: connection to {}:{} lost or refused ({}); retrying in {} ms", domain, host, port,
                            e.getMessage(), backoff.toMillis());
                }
            } finally {
                synchronized (writeLock) {
                    writer = null;
                }
                socket = null;
            }
            if (!closed) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Opens the stream and proves the shared secret (XEP-0114 §3). */
    private XMLStreamReader handshake(Socket s) throws IOException, XMLStreamException, ComponentException {
        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
        out.write("<stream:stream xmlns='" + NS_ACCEPT + "' xmlns:stream='" + NS_STREAM + "' to='" + domain + "'>");
        out.flush();
        XMLStreamReader xml = StanzaReader.parser(new BufferedInputStream(s.getInputStream()));
        StanzaReader.nextElement(xml);
        if (!"stream".equals(xml.getLocalName())) {
            throw new ComponentException("server did not open a stream");
        }
        String streamId = xml.getAttributeValue(null, "id");
        out.write("<handshake>" + sha1Hex(streamId + secret) + "</handshake>");
        out.flush();
        if (StanzaReader.nextElement(xml) != XMLStreamConstants.START_ELEMENT) {
            throw new ComponentException("server closed the stream during the handshake");
        }
        Element answer = StanzaReader.read(xml).element();
        if (!"handshake".equals(answer.getName())) {
            throw new ComponentException("server refused the handshake: " + answer.asXML());
        }
        s.setSoTimeout(0);
        synchronized (writeLock) {
            writer = out;
        }
        return xml;
    }

    private void readStanzas(XMLStreamReader xml) throws XMLStreamException, IOException {
        while (!closed) {
            int event = StanzaReader.nextElement(xml);
            if (event == XMLStreamConstants.END_DOCUMENT || event == XMLStreamConstants.END_ELEMENT) {
                throw new IOException("the server closed the stream");
            }
            StanzaReader.Stanza read = StanzaReader.read(xml);
            Element stanza = read.element();
            if ("error".equals(stanza.getName()) && NS_STREAM.equals(stanza.getNamespaceURI())) {
                throw new IOException("stream error: " + stanza.asXML());
            }
            if (delivering) {
                deliver(read);
            }
        }
    }

    /**
     * Hands a stanza to the component, or one past the limits to its refusals. Whatever the component throws
     * is its bug: logged, and the stream goes on for every other chat.
     */
    private void deliver(StanzaReader.Stanza read) {
        try {
            if (read.violation() != null) {
                if (component instanceof StanzaRefusals refusals) {
                    refusals.refuse(read.element(), read.violation());
                }
                return;
            }
            Packet packet = toPacket(read.element());
            if (packet != null) {
                component.processPacket(packet);
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("{}: the component failed on a {}; going on", domain, read.element().getName(), e);
        }
    }

    private static Packet toPacket(Element element) {
        switch (element.getName()) {
            case "message": return new Message(element, true);
            case "presence": return new Presence(element, true);
            case "iq": return new IQ(element, true);
            default: return null;
        }
    }

    @Override
    public void sendPacket(Component from, Packet packet) {
        writeRaw(packet.toXML());
    }

    private void writeRaw(String xml) {
        synchronized (writeLock) {
            if (writer == null) {
                if (!xml.isBlank()) {
                    LOG.warn("{}: not connected, dropped {}", domain, xml);
                }
                return;
            }
            try {
                writer.write(xml);
                writer.flush();
            } catch (IOException e) {
                LOG.warn("{}: write failed, dropped {}", domain, xml);
                closeSocket();
            }
        }
    }

    @Override
    public void removeComponent(String subdomain) {
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // What the server says from now on (answers to the rooms being destroyed) has no one left to hear it.
        delivering = false;
        if (component != null) {
            component.shutdown();
        }
        closed = true;
        keepalive.shutdownNow();
        writeRaw("</stream:stream>");
        closeSocket();
        if (reader != null) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeSocket() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public IQ query(Component from, IQ packet, long timeout) throws ComponentException {
        throw new ComponentException("synchronous queries are not supported; the component tracks its own IQs");
    }

    @Override
    public void query(Component from, IQ packet, IQResultListener listener) throws ComponentException {
        throw new ComponentException("queries are not supported; the component tracks its own IQs");
    }

    @Override
    public String getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public void setProperty(String name, String value) {
        properties.put(name, value);
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public boolean isExternalMode() {
        return true;
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
