package org.chatconsult.it;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.chatconsult.standalone.LocalProsody;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One real XMPP client (Smack over TCP) for a test: an agent or a contact. It records every stanza it receives
 * so a test can wait for what it expects and check what it must never see.
 */
public final class Party implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    static final String NS = "urn:chatconsult:0";

    static {
        // Smack 4.4 reads a XEP-0249 invitation into GroupChatInvitation, which keeps the room and drops the reason,
        // the one thing stock clients show of it: read the element as it came instead.
        org.jivesoftware.smack.provider.ProviderManager.removeExtensionProvider("x", "jabber:x:conference");
    }

    private final XMPPTCPConnection connection;
    private final List<Stanza> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final boolean mucCapable;

    private Party(XMPPTCPConnection connection, boolean mucCapable) {
        this.connection = connection;
        this.mucCapable = mucCapable;
    }

    static Party connect(LocalProsody prosody, String user, boolean mucCapable) throws Exception {
        return connect(prosody.domain(), prosody.c2sPort(), user, mucCapable);
    }

    /** A client of the server for {@code domain} listening on 127.0.0.1:{@code port}; the password is the name. */
    static Party connect(String domain, int port, String user, boolean mucCapable) throws Exception {
        return open(builder(domain, port).setUsernameAndPassword(user, user)
                // a new session each time: nothing meant for an earlier one arrives here
                .setResource("test-" + Long.toHexString(System.nanoTime())), mucCapable);
    }

    /** A guest without an account (SASL ANONYMOUS) on {@code domain}, a plain client like a web chat's. */
    static Party connectAnonymous(String domain, int port) throws Exception {
        return open(builder(domain, port).performSaslAnonymousAuthentication(), false);
    }

    private static XMPPTCPConnectionConfiguration.Builder builder(String domain, int port) throws Exception {
        SmackConfiguration.setDefaultReplyTimeout(10_000);
        Roster.setRosterLoadedAtLoginDefault(false);
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHost("127.0.0.1")
                .setPort(port)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled);
    }

    private static Party open(XMPPTCPConnectionConfiguration.Builder config, boolean mucCapable) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        // Stanzas sent raw (sendRaw) are counted by the server but not by Smack: stream management's (XEP-0198)
        // counters would disagree, and Smack would close the connection.
        connection.setUseStreamManagement(false);
        Party party = new Party(connection, mucCapable);
        connection.addSyncStanzaListener(party.received::add, stanza -> true);
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        if (mucCapable) {
            MultiUserChatManager.getInstanceFor(connection);
        } else {
            disco.removeFeature("http://jabber.org/protocol/muc");
        }
        connection.connect().login();
        return party;
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public String bare() {
        return connection.getUser().asBareJid().toString();
    }

    public List<Stanza> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many stanzas arrived so far: a mark for {@link #receivedSince}. */
    public int mark() {
        return received.size();
    }

    public List<Stanza> receivedSince(int mark) {
        synchronized (received) {
            return List.copyOf(received.subList(Math.min(mark, received.size()), received.size()));
        }
    }

    // ---- sending -------------------------------------------------------------------------------------------

    public void send(Stanza stanza) throws Exception {
        connection.sendStanza(stanza);
    }

    /**
     * Sends XML as it is, past Smack's stanza model: how a test sends what no well-behaved client would. It must
     * be well-formed, or the server closes this client's stream.
     */
    public void sendRaw(String xml) throws Exception {
        connection.sendNonza(new org.jivesoftware.smack.packet.Nonza() {
            @Override
            public String getNamespace() {
                return "jabber:client";
            }

            @Override
            public String getElementName() {
                return "raw";
            }

            @Override
            public CharSequence toXML(org.jivesoftware.smack.packet.XmlEnvironment environment) {
                return xml;
            }
        });
    }

    public void chat(String to, String body) throws Exception {
        send(StanzaBuilder.buildMessage().to(jid(to)).ofType(Message.Type.chat).setBody(body).build());
    }

    /** Readiness: presence to the service, with an optional capacity. */
    public void presenceToService(Presence.Mode mode, Integer capacity) throws Exception {
        var builder = StanzaBuilder.buildPresence().to(jid(TestServer.SERVICE)).setMode(mode);
        if (capacity != null) {
            builder.addExtension(StandardExtensionElement.builder("agent", NS)
                    .addAttribute("capacity", String.valueOf(capacity)).build());
        }
        send(builder.build());
    }

    public void ready() throws Exception {
        presenceToService(Presence.Mode.available, null);
        awaitAgentState("ready");
    }

    public void ready(int capacity) throws Exception {
        presenceToService(Presence.Mode.available, capacity);
        awaitAgentState("ready");
    }

    public void notReady() throws Exception {
        presenceToService(Presence.Mode.away, null);
        awaitAgentState("not-ready");
    }

    private void awaitAgentState(String readiness) throws InterruptedException {
        awaitStanza(s -> s instanceof Presence && readiness.equals(attr(s, "agent", "readiness")));
    }

    /** Sends a command in our namespace and waits for the one reply. */
    public IQ command(String name, Map<String, String> attributes) throws Exception {
        return command(name, attributes, IQ.Type.set);
    }

    /** A command whose element holds {@code text}, such as a whisper. */
    public IQ command(String name, Map<String, String> attributes, String text) throws Exception {
        RawIq iq = new RawIq(name, NS, attributes, text);
        iq.setType(IQ.Type.set);
        iq.setTo(jid(TestServer.SERVICE));
        return request(iq);
    }

    public IQ command(String name, Map<String, String> attributes, IQ.Type type) throws Exception {
        RawIq iq = new RawIq(name, NS, attributes);
        iq.setType(type);
        iq.setTo(jid(TestServer.SERVICE));
        return request(iq);
    }

    /** Sends a request and returns its one reply, result or error. */
    public IQ request(IQ iq) throws Exception {
        try {
            return connection.sendIqRequestAndWaitForResponse(iq);
        } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException error) {
            return (IQ) error.getStanza();
        }
    }

    /** Accepts an offer the way any client does: by entering the offered room. */
    public MultiUserChat join(String room, String nick) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom(room));
        muc.join(Resourcepart.from(nick));
        return muc;
    }

    // ---- waiting -------------------------------------------------------------------------------------------

    /** Waits for a received stanza that matches; fails the test if none arrives in time. */
    public Stanza awaitStanza(Predicate<Stanza> match) throws InterruptedException {
        return awaitStanza(match, WAIT);
    }

    public Stanza awaitStanza(Predicate<Stanza> match, Duration wait) throws InterruptedException {
        return awaitSince(0, match, wait);
    }

    /** Waits for a matching stanza among those received after {@code mark}. */
    public Stanza awaitSince(int mark, Predicate<Stanza> match, Duration wait) throws InterruptedException {
        Stanza found = Await.value(wait, () -> {
            synchronized (received) {
                for (int i = Math.min(mark, received.size()); i < received.size(); i++) {
                    if (match.test(received.get(i))) {
                        return received.get(i);
                    }
                }
                return null;
            }
        });
        if (found != null) {
            return found;
        }
        StringBuilder got = new StringBuilder();
        for (Stanza stanza : receivedSince(mark)) {
            got.append("\n  ").append(stanza.toXML());
        }
        throw new AssertionError(bare() + " did not receive the expected stanza within " + wait.toSeconds()
                + " s; it received:" + got);
    }

    public Message awaitMessage(Predicate<Message> match) throws InterruptedException {
        return (Message) awaitStanza(s -> s instanceof Message && match.test((Message) s));
    }

    public Message awaitElement(String name) throws InterruptedException {
        return awaitMessage(m -> m.getExtensionElement(name, NS) != null);
    }

    public Message awaitBody(String fragment) throws InterruptedException {
        return awaitMessage(m -> m.getBody() != null && m.getBody().contains(fragment));
    }

    /** True if a matching stanza arrives within {@code wait}: for checking that something does NOT happen. */
    public boolean receives(Predicate<Stanza> match, Duration wait) throws InterruptedException {
        try {
            awaitStanza(match, wait);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    /**
     * A barrier: returns once everything sent to this party before the call has arrived, so that a test may then
     * check that something did NOT come. XMPP keeps the order of stanzas between two addresses (RFC 6120 §10.1):
     * an answer comes behind what its sender sent before it. The service answers an agent's command on its core
     * thread and behind its journal, after everything it had decided to send (here the decline of an offer that
     * does not exist: an error that changes nothing; anyone else's is refused at once, as a ping would be). Each
     * room this party is in is then asked for its disco#info, which the MUC service answers behind what it
     * relayed before, the service's lines into the room included.
     */
    public void barrier() throws Exception {
        barrier(connection, mucCapable);
    }

    /**
     * {@link #barrier} for any connection; {@code inRooms}: it has a MUC manager, whose joined rooms count too;
     * {@code rooms}: others to ask, such as one that invited it.
     */
    static void barrier(XMPPConnection connection, boolean inRooms, EntityBareJid... rooms) throws Exception {
        for (int refused = 0; ; refused++) {
            RawIq decline = new RawIq("decline", NS, Map.of("offer", "barrier"));
            decline.setType(IQ.Type.set);
            decline.setTo(jid(TestServer.SERVICE));
            IQ answer = answer(connection, decline);
            if (answer.getError() == null
                    || answer.getError().getCondition() != StanzaError.Condition.resource_constraint) {
                break;
            }
            if (refused == 50) {
                throw new AssertionError("the service refused every barrier for this sender's rate");
            }
            // Refused at the edge, before the core: this sender's allowance (a rate) must refill first.
            Await.pace(Duration.ofMillis(100), "the sender's allowance refills at its rate");
        }
        Set<EntityBareJid> asked = new LinkedHashSet<>(List.of(rooms));
        if (inRooms) {
            asked.addAll(MultiUserChatManager.getInstanceFor(connection).getJoinedRooms());
        }
        for (EntityBareJid room : asked) {
            RawIq info = new RawIq("query", "http://jabber.org/protocol/disco#info", Map.of());
            info.setType(IQ.Type.get);
            info.setTo(room);
            answer(connection, info);
        }
    }

    private static IQ answer(XMPPConnection connection, IQ request) throws Exception {
        try {
            return connection.sendIqRequestAndWaitForResponse(request);
        } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException error) {
            return (IQ) error.getStanza();
        }
    }

    public void forget() {
        received.clear();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public static String attr(Stanza stanza, String element, String attribute) {
        StandardExtensionElement extension = ext(stanza, element);
        return extension == null ? null : extension.getAttributeValue(attribute);
    }

    /** Our element in a stanza as plain XML, whether or not the SDK's parsers are loaded in this JVM. */
    public static StandardExtensionElement ext(Stanza stanza, String element) {
        if (stanza instanceof IQ) {
            // An IQ's payload is its child element, whichever parser (the SDK's or none) read it.
            CharSequence xml = stanza instanceof org.jivesoftware.smack.packet.UnparsedIQ
                    ? ((org.jivesoftware.smack.packet.UnparsedIQ) stanza).getContent()
                    : ((IQ) stanza).getChildElementXML();
            if (xml == null || xml.length() == 0) {
                return null;
            }
            StandardExtensionElement child = parse(xml.toString());
            return child.getElementName().equals(element) ? child : null;
        }
        ExtensionElement extension = stanza.getExtensionElement(element, NS);
        if (extension == null || extension instanceof StandardExtensionElement) {
            return (StandardExtensionElement) extension;
        }
        return parse(extension.toXML().toString());
    }

    private static StandardExtensionElement parse(String xml) {
        try {
            var parser = org.jivesoftware.smack.util.PacketParserUtils.getParserFor(xml);
            return org.jivesoftware.smack.parsing.StandardExtensionElementProvider.INSTANCE.parse(parser);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Jid jid(String address) {
        try {
            return JidCreate.from(address);
        } catch (Exception e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public static EntityBareJid room(String address) {
        try {
            return JidCreate.entityBareFrom(address);
        } catch (Exception e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public void close() {
        connection.disconnect();
    }

    /** An IQ with one empty child element, for commands the SDK does not wrap. */
    static final class RawIq extends IQ {
        private final Map<String, String> attributes;

        private final String text;

        RawIq(String element, String namespace, Map<String, String> attributes) {
            this(element, namespace, attributes, null);
        }

        RawIq(String element, String namespace, Map<String, String> attributes, String text) {
            super(element, namespace);
            this.attributes = attributes;
            this.text = text;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            attributes.forEach(xml::attribute);
            if (text == null) {
                xml.setEmptyElement();
            } else {
                xml.rightAngleBracket();
                xml.escape(text);
            }
            return xml;
        }
    }
}
