package org.chatconsult.openfire;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

import org.chatconsult.xmpp.RoomDelivery;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.cluster.ClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Says the service's lines into Openfire's rooms in-process, as Openfire's MUC service does with a message an
 * occupant routes to it, less two steps of its own: the routing there, and the room's sync into its cache after
 * every message. Outside a cluster that sync only recounts the service's non-persistent rooms, over all of them,
 * under one lock for the whole server: the profile under load finds it the largest single cost of a room message
 * (docs/performance.md). In a cluster it is what other nodes see of the room, so there it is kept.
 * <p>
 * The MUC API the plugin compiles against (Openfire 4.2) is not the one Openfire 5 runs ({@code MUCRoom} became a
 * class, {@code MUCRole} became {@code MUCOccupant}), so the calls are found by name when the plugin starts; if any
 * is missing every line is routed as before.
 */
final class OpenfireRooms implements RoomDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OpenfireRooms.class);
    private static final QName OCCUPANT_ID = QName.get("occupant-id", "urn:xmpp:occupant-id:0");

    private final Object mucManager;
    private final Method serviceOf;
    private final Method roomLock;
    private final Method room;
    private final Method sync;
    private final Method occupantOf;
    private final Method occupantId;
    private final Method sayPublic;
    private final Method stableId;
    private final Class<?> forbidden;
    /** Per MUC domain, its service. */
    private final ConcurrentHashMap<String, Object> services = new ConcurrentHashMap<>();

    private OpenfireRooms(ClassLoader openfire) throws ReflectiveOperationException {
        Class<?> service = openfire.loadClass("org.jivesoftware.openfire.muc.MultiUserChatService");
        Class<?> mucRoom = openfire.loadClass("org.jivesoftware.openfire.muc.MUCRoom");
        Class<?> occupant = openfire.loadClass("org.jivesoftware.openfire.muc.MUCOccupant");
        mucManager = XMPPServer.class.getMethod("getMultiUserChatManager").invoke(XMPPServer.getInstance());
        serviceOf = mucManager.getClass().getMethod("getMultiUserChatService", JID.class);
        roomLock = service.getMethod("getChatRoomLock", String.class);
        room = service.getMethod("getChatRoom", String.class);
        sync = service.getMethod("syncChatRoom", mucRoom);
        occupantOf = mucRoom.getMethod("getOccupantByFullJID", JID.class);
        occupantId = occupant.getMethod("getOccupantId");
        sayPublic = mucRoom.getMethod("sendPublicMessage", Message.class, occupant);
        stableId = openfire.loadClass("org.jivesoftware.openfire.stanzaid.StanzaIDUtil")
                .getMethod("ensureUniqueAndStableStanzaID", Packet.class, JID.class);
        forbidden = openfire.loadClass("org.jivesoftware.openfire.muc.ForbiddenException");
    }

    /** Openfire's rooms in-process, or none if this Openfire's MUC API is not the one expected. */
    static RoomDelivery find() {
        try {
            return new OpenfireRooms(XMPPServer.class.getClassLoader());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info("lines into rooms are routed: this Openfire's MUC API is not the expected one ({})", e.toString());
            return NONE;
        }
    }

    @Override
    public boolean say(Message message) {
        JID to = message.getTo();
        JID from = message.getFrom();
        if (message.getType() != Message.Type.groupchat || to == null || to.getNode() == null
                || to.getResource() != null || from == null) {
            return false;
        }
        try {
            Object service = services.computeIfAbsent(to.getDomain(), this::service);
            return service != null && say(service, to, from, message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("could not say a line into {} in-process", to, e);
            return false;
        }
    }

    private Object service(String domain) {
        try {
            return serviceOf.invoke(mucManager, new JID(domain));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** What Openfire's MUC service does with an occupant's public message (XEP-0045 §7.4), under the room's lock. */
    private boolean say(Object service, JID to, JID from, Message message) throws ReflectiveOperationException {
        // XEP-0359: the room stamps its own id on the line, as on every line it broadcasts.
        Message line = message.createCopy();
        stableId.invoke(null, line, to.asBareJID());
        Lock lock = (Lock) roomLock.invoke(service, to.getNode());
        lock.lock();
        try {
            Object target = room.invoke(service, to.getNode());
            Object occupant = target == null ? null : occupantOf.invoke(target, from);
            if (occupant == null) {
                return false; // routed, the room answers it (the service is out of the room: the line is said again)
            }
            // XEP-0421: the occupant's stable id, as the room adds it to what an occupant says.
            List<Element> stale = line.getElement().elements(OCCUPANT_ID);
            stale.forEach(line.getElement()::remove);
            line.getElement().addElement(OCCUPANT_ID).addAttribute("id", (String) occupantId.invoke(occupant));
            try {
                sayPublic.invoke(target, line, occupant);
            } catch (InvocationTargetException e) {
                if (forbidden.isInstance(e.getCause())) {
                    return false; // nothing was said: routed, the room refuses it with its error
                }
                // Said as far as the room got: saying it again would repeat it to those who have it.
                LOG.warn("the room {} failed while saying a line", to, e.getCause());
            }
            if (ClusterManager.isClusteringStarted()) {
                sync.invoke(service, target);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
