package org.chatconsult.sdk;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.Jid;

/**
 * Calls between agents by XEP-0353 Jingle Message Initiation: propose, retract, and for the callee accept
 * ({@code <proceed/>}) or reject. The media session itself (Jingle, XEP-0166) is the calling client's.
 *
 * <pre>{@code
 * CallManager calls = CallManager.getInstanceFor(connection);
 * calls.addCallListener(new CallManager.CallListener() {
 *     public void proposed(CallManager.IncomingCall call) { call.accept(); }
 * });
 * CallManager.Call call = calls.propose(bobFullJid, "audio");
 * }</pre>
 */
public final class CallManager extends Manager {
    /** XEP-0353's namespace. */
    public static final String NS = "urn:xmpp:jingle-message:0";
    static final String NS_RTP = "urn:xmpp:jingle:apps:rtp:1";
    private static final Map<XMPPConnection, CallManager> INSTANCES = new WeakHashMap<>();

    private final Set<CallListener> listeners = new CopyOnWriteArraySet<>();

    private CallManager(XMPPConnection connection) {
        super(connection);
        connection.addAsyncStanzaListener(this::onStanza,
                stanza -> stanza instanceof Message && jingleMessage(stanza) != null);
    }

    public static synchronized CallManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, CallManager::new);
    }

    public void addCallListener(CallListener listener) {
        listeners.add(listener);
    }

    public void removeCallListener(CallListener listener) {
        listeners.remove(listener);
    }

    /** Rings {@code callee} (a full address rings that session; a bare one every session of it). */
    public Call propose(Jid callee, String media) throws SmackException.NotConnectedException, InterruptedException {
        Call call = new Call(UUID.randomUUID().toString(), callee);
        send(callee, StandardExtensionElement.builder("propose", NS).addAttribute("id", call.getId())
                .addElement(StandardExtensionElement.builder("description", NS_RTP).addAttribute("media", media)
                        .build()).build());
        return call;
    }

    private void send(Jid to, ExtensionElement element) throws SmackException.NotConnectedException,
            InterruptedException {
        connection().sendStanza(StanzaBuilder.buildMessage().to(to).addExtension(element).build());
    }

    private static StandardExtensionElement simple(String name, String id) {
        return StandardExtensionElement.builder(name, NS).addAttribute("id", id).build();
    }

    private static ExtensionElement jingleMessage(Stanza stanza) {
        for (String name : new String[] {"propose", "retract", "proceed", "reject"}) {
            ExtensionElement element = stanza.getExtensionElement(name, NS);
            if (element != null) {
                return element;
            }
        }
        return null;
    }

    private void onStanza(Stanza stanza) {
        StandardExtensionElement element = (StandardExtensionElement) jingleMessage(stanza);
        String id = element.getAttributeValue("id");
        switch (element.getElementName()) {
            case "propose": {
                StandardExtensionElement description = element.getFirstElement("description", NS_RTP);
                IncomingCall call = new IncomingCall(id, stanza.getFrom(),
                        description == null ? null : description.getAttributeValue("media"));
                listeners.forEach(l -> l.proposed(call));
                break;
            }
            case "retract":
                listeners.forEach(l -> l.retracted(id, stanza.getFrom()));
                break;
            default:
                boolean accepted = element.getElementName().equals("proceed");
                listeners.forEach(l -> l.answered(id, stanza.getFrom(), accepted));
        }
    }

    /** One side of a proposed call: its id, and the other side, to which this side's messages go. */
    abstract class CallSide {
        private final String id;
        private final Jid other;

        CallSide(String id, Jid other) {
            this.id = id;
            this.other = other;
        }

        public String getId() {
            return id;
        }

        Jid other() {
            return other;
        }

        /** Sends the other side {@code <name id='…'/>}: retract, proceed or reject. */
        void tell(String name) throws SmackException.NotConnectedException, InterruptedException {
            send(other, simple(name, id));
        }
    }

    /** A call this agent proposed. */
    public final class Call extends CallSide {
        Call(String id, Jid callee) {
            super(id, callee);
        }

        public Jid getCallee() {
            return other();
        }

        /** Withdraws the proposal before it is answered. */
        public void retract() throws SmackException.NotConnectedException, InterruptedException {
            tell("retract");
        }
    }

    /** A call proposed to this agent. */
    public final class IncomingCall extends CallSide {
        private final String media;

        IncomingCall(String id, Jid caller, String media) {
            super(id, caller);
            this.media = media;
        }

        public Jid getCaller() {
            return other();
        }

        public String getMedia() {
            return media;
        }

        /** Answers yes: the caller may now start the Jingle session (XEP-0353 §3.2). */
        public void accept() throws SmackException.NotConnectedException, InterruptedException {
            tell("proceed");
        }

        public void reject() throws SmackException.NotConnectedException, InterruptedException {
            tell("reject");
        }
    }

    /** Hears proposals to this agent, and answers to this agent's proposals. */
    public interface CallListener {
        default void proposed(IncomingCall call) {
        }

        default void retracted(String callId, Jid caller) {
        }

        default void answered(String callId, Jid callee, boolean accepted) {
        }
    }
}
