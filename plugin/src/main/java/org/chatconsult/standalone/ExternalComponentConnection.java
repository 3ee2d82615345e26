package org.chatconsult.standalone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.chatconsult.xmpp.Reconnectable;
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
            } catch (IOException | XMLStreamException | ComponentException e) {
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
        XMLStreamReader xml = parser(new BufferedInputStream(s.getInputStream()));
        nextElement(xml);
        if (!"stream".equals(xml.getLocalName())) {
            throw new ComponentException("server did not open a stream");
        }
        String streamId = xml.getAttributeValue(null, "id");
        out.write("<handshake>" + sha1Hex(streamId + secret) + "</handshake>");
        out.flush();
        Element answer = readElement(xml, nextElement(xml));
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
            int event = nextElement(xml);
            if (event == XMLStreamConstants.END_DOCUMENT || event == XMLStreamConstants.END_ELEMENT) {
                throw new IOException("the server closed the stream");
            }
            Element stanza = readElement(xml, event);
            Packet packet = toPacket(stanza);
            if (packet != null) {
                if (delivering) {
                    component.processPacket(packet);
                }
            } else if ("error".equals(stanza.getName())) {
                throw new IOException("stream error: " + stanza.asXML());
            }
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

    // ---- XML -------------------------------------------------------------------------------------------

    private static XMLStreamReader parser(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in, "UTF-8");
    }

    /** Advances to the next start tag (or the end of the stream) at the current level. */
    private static int nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** Reads the element whose start tag is current into a dom4j tree (the stream's own namespace dropped). */
    private static Element readElement(XMLStreamReader xml, int event) throws XMLStreamException {
        if (event != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("expected an element");
        }
        Element element = DocumentFactory.getInstance().createElement(qname(xml));
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            String uri = xml.getNamespaceURI(i);
            if (prefix != null && !prefix.isEmpty()) {
                element.add(Namespace.get(prefix, uri));
            }
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String prefix = xml.getAttributePrefix(i);
            String uri = xml.getAttributeNamespace(i);
            QName name = prefix == null || prefix.isEmpty() ? QName.get(xml.getAttributeLocalName(i))
                    : QName.get(xml.getAttributeLocalName(i), prefix, uri);
            element.addAttribute(name, xml.getAttributeValue(i));
        }
        while (true) {
            int next = xml.next();
            switch (next) {
                case XMLStreamConstants.START_ELEMENT:
                    element.add(readElement(xml, next));
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    element.addText(xml.getText());
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    return element;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new XMLStreamException("stream ended inside an element");
                default:
                    break;
            }
        }
    }

    private static QName qname(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        if (uri == null || uri.isEmpty() || NS_ACCEPT.equals(uri)) {
            return QName.get(xml.getLocalName());
        }
        String prefix = xml.getPrefix();
        return QName.get(xml.getLocalName(), prefix == null ? "" : prefix, uri);
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
