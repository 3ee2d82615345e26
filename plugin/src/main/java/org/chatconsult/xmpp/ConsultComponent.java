package org.chatconsult.xmpp;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Overview;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.assembly.ServiceAssembly;
import org.chatconsult.xmpp.edge.ClientMistakes;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.edge.SenderRateLimit;
import org.chatconsult.xmpp.edge.StanzaGuard;
import org.chatconsult.xmpp.edge.StanzaRefusals;
import org.chatconsult.xmpp.edge.Violation;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.dom4j.Element;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * The ChatConsult service as a Tinder component: the same code runs inside Openfire and, through
 * {@code org.chatconsult.standalone}, as an external component (XEP-0114) of any XMPP server. It is the edge:
 * every stanza is checked here ({@link StanzaGuard}, the sender's rate) and what passes goes to the
 * {@link ServiceAssembly}; what the service sends goes out here.
 */
public final class ConsultComponent implements Component, Reconnectable, StanzaRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultComponent.class);
    private static final String OWN_NICK = "/" + ConsultationRooms.NICK;
    private static final QName MIRRORED = QName.get(Wire.MIRRORED, Protocol.NS);

    private final CpuAccount cpu = new CpuAccount();
    private final Outbox outbox = new Outbox(this::deliver);
    private final SenderRateLimit rates = new SenderRateLimit(System::nanoTime);
    private final ClientMistakes mistakes = new ClientMistakes(System::nanoTime);
    private final ServiceAssembly service;
    private final Addresses addresses;
    private final RoomDelivery rooms;
    private volatile ComponentManager manager;

    public ConsultComponent(ServiceConfig config) {
        this(config, RoomDelivery.NONE);
    }

    /** {@code rooms}: the server's way to say the service's lines into its rooms in-process, if it has one. */
    public ConsultComponent(ServiceConfig config, RoomDelivery rooms) {
        this.rooms = rooms;
        cpu.sendsOn(outbox.thread());
        this.service = new ServiceAssembly(config, outbox::send, cpu);
        this.addresses = service.addresses();
    }

    public Addresses addresses() {
        return addresses;
    }

    @Override
    public String getName() {
        return ServiceAssembly.NAME;
    }

    @Override
    public String getDescription() {
        return "Contact-centre chats and consultations";
    }

    @Override
    public void initialize(JID jid, ComponentManager componentManager) {
        this.manager = componentManager;
    }

    @Override
    public void start() {
        service.start();
    }

    @Override
    public void reconnected() {
        service.reconnected();
    }

    @Override
    public void disconnected() {
        service.disconnected();
    }

    /**
     * Stops without ending anything: the service leaves its rooms, the chats go on between their people, and
     * everything is in the store for the next start to take up (a plugin reload, a restart).
     */
    @Override
    public void shutdown() {
        service.suspend();
        // Out of the rooms before the core and the store stop: a line said meanwhile would reach neither, and is
        // taken from the room's history at the next start. What the core still sends goes out at once.
        outbox.close();
        service.stop();
    }

    /** A supervisor ends live chats from the admin console: the ones named, or every one if none is. */
    public CompletableFuture<Integer> endChats(Collection<String> interactionIds) {
        return service.endChats(interactionIds);
    }

    /** The admin console ends a supervision; false if it had ended already. */
    public CompletableFuture<Boolean> endSupervision(String supervisionId) {
        return service.endSupervision(supervisionId);
    }

    /** What runs now, for the admin console's live page. */
    public CompletableFuture<Overview> overview() {
        return service.overview();
    }

    /**
     * Every stanza addressed to the service's domain. Contacts may be users of other servers: nothing is
     * filtered by domain.
     */
    @Override
    public void processPacket(Packet packet) {
        long entered = cpu.enter();
        try {
            if (!isOwnEcho(packet.getElement()) && admitted(packet.getElement())) {
                // Inside Openfire the router may still hold the stanza it hands us: work on our own copy.
                service.dispatch(manager != null && manager.isExternalMode() ? packet : packet.createCopy());
            }
        } catch (RuntimeException e) {
            // Never into the server's routing: inside Openfire it would break off the delivery we are part of
            // (a room's broadcast, a leave), for everyone in it.
            LOG.warn("could not handle a {}", packet.getElement().getName(), e);
        } finally {
            cpu.handled(entered);
        }
    }

    /**
     * A room's echo of a line the service mirrored into it (XEP-0045 §7.4: the room sends a message to every
     * occupant, the sender too). It needs no work at all, so it is dropped before the stanza is copied or read.
     */
    private static boolean isOwnEcho(Element stanza) {
        String from = stanza.attributeValue("from");
        return "groupchat".equals(stanza.attributeValue("type")) && from != null
                && from.endsWith(OWN_NICK) && stanza.element(MIRRORED) != null;
    }

    /**
     * The edge, before anything reads the stanza: its bounds, type and addresses ({@link StanzaGuard}), then its
     * sender's rate. What fails is answered here and goes no further.
     */
    private boolean admitted(Element stanza) {
        Violation violation = StanzaGuard.check(stanza);
        if (violation == null && !withinRate(stanza)) {
            violation = new Violation(PacketError.Condition.resource_constraint, "too many stanzas: at most "
                    + Limits.PER_SECOND + " a second (" + Limits.BURST + " at once); this one was not taken in,"
                    + " send it again later");
        }
        if (violation != null) {
            refuse(stanza, violation);
        }
        return violation == null;
    }

    /**
     * Requests and messages count against their sender's allowance; answers and errors do not (they answer
     * us), nor does what servers, components and the MUC service send, which is the rooms' own traffic.
     */
    private boolean withinRate(Element stanza) {
        String type = stanza.attributeValue("type");
        if ("error".equals(type) || ("result".equals(type) && stanza.getName().equals("iq"))) {
            return true;
        }
        String from = stanza.attributeValue("from");
        JID sender = from == null ? null : new JID(from);
        if (sender == null || sender.getNode() == null || addresses.isRoom(sender)) {
            return true;
        }
        return rates.allow(sender.toBareJID());
    }

    /**
     * Answers a stanza refused at the edge with its error (none to the MUC service: a room may take an
     * occupant's error for a ghost and remove it), and counts the mistake without a trace.
     */
    @Override
    public void refuse(Element stanza, Violation violation) {
        String from = stanza.attributeValue("from");
        mistakes.refused(from, violation.condition().toXMPP());
        boolean fromRoom = false;
        try {
            fromRoom = from != null && addresses.isRoom(new JID(from));
        } catch (IllegalArgumentException malformed) {
            // answered as any malformed sender: StanzaGuard leaves out what does not parse
        }
        if (!fromRoom) {
            outbox.send(StanzaGuard.refusal(stanza, violation));
        }
    }

    /** Hands a stanza to the server, on the outbox's thread. */
    private void deliver(Packet packet) {
        if (packet == null) {
            return;
        }
        long entered = cpu.enterSend();
        try {
            if (!(packet instanceof Message line && rooms.say(line))) {
                manager.sendPacket(this, packet);
            }
        } catch (ComponentException e) {
            LOG.warn("could not send {}", packet.toXML(), e);
        } finally {
            cpu.sent(entered);
        }
    }
}
