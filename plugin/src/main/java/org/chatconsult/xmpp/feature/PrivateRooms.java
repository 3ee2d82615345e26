package org.chatconsult.xmpp.feature;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.XmppErrorException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The private rooms the service makes beside a chat, a consultation's and a supervision's: made on the MUC service
 * (hidden, members-only, the service speaking as {@link ConsultationRooms#NICK}), with their first member admitted;
 * the request that asked for one answers once it is ready.
 */
public final class PrivateRooms {
    private final Addresses addresses;
    private final RoomDriver rooms;
    private final CoreThread core;
    private final Map<String, CompletableFuture<Void>> ready = new ConcurrentHashMap<>();

    public PrivateRooms(Addresses addresses, RoomDriver rooms, CoreThread core) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.core = core;
    }

    /** Completes once the room of {@code id} exists and its first member may enter (at once if it does already). */
    CompletableFuture<Void> whenReady(String id) {
        return ready.getOrDefault(id, CompletableFuture.failedFuture(new XmppErrorException(
                PacketError.Condition.item_not_found, "no room " + id + " is being set up")));
    }

    /**
     * Makes the room of {@code id} with {@code member} in it, invited with {@code invitation} unless that is null;
     * then, on the core thread, {@code then} hears the failure, or null once the room is ready.
     */
    void open(String id, String title, JID member, String invitation, BiConsumer<ContactCentre, Throwable> then) {
        CompletableFuture<Void> roomReady = new CompletableFuture<>();
        ready.put(id, roomReady);
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        rooms.create(room, self, ConsultationRooms.NICK, title)
                .thenCompose(created -> invitation == null ? rooms.affiliate(room, self, member, "member")
                        : rooms.admit(room, self, member, invitation))
                .whenCompleteAsync((done, failure) -> core.submit(centre -> {
                    if (failure == null) {
                        roomReady.complete(null);
                    } else {
                        roomReady.completeExceptionally(failure);
                    }
                    then.accept(centre, failure);
                }), core);
    }

    /** The room's subject ended: nobody asks after it any more. */
    void closed(String id) {
        ready.remove(id);
    }
}
