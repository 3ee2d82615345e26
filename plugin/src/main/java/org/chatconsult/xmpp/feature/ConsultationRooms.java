package org.chatconsult.xmpp.feature;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ConsultationEndReason;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.XmppErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Gives each consultation its own room on the server's MUC service, hidden and members-only, whose members are
 * the initiator and (once offered) the target, never the contact; destroys it with a reason when it ends.
 */
public final class ConsultationRooms implements ContactCentreListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationRooms.class);
    /** The service's nickname in consultation rooms, where it speaks the mirrored transcript. */
    public static final String NICK = "Transcript";

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final CoreThread core;
    private final Map<String, CompletableFuture<Void>> ready = new ConcurrentHashMap<>();

    public ConsultationRooms(Addresses addresses, RoomDriver rooms, CoreThread core) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.core = core;
    }

    /** Completes once the consultation's room exists and its initiator may enter. */
    public CompletableFuture<Void> whenReady(String consultationId) {
        return ready.getOrDefault(consultationId, CompletableFuture.failedFuture(new XmppErrorException(
                PacketError.Condition.item_not_found, "no consultation " + consultationId + " is being set up")));
    }

    @Override
    public void consultationCreated(Consultation consultation) {
        String id = consultation.id();
        CompletableFuture<Void> roomReady = new CompletableFuture<>();
        ready.put(id, roomReady);
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        String title = "Consultation about " + consultation.interaction().contactName() + "'s chat";
        rooms.create(room, self, NICK, title)
                .thenCompose(created -> rooms.affiliate(room, self, new JID(consultation.initiator()), "member"))
                .whenCompleteAsync((done, failure) -> core.submit(centre -> {
                    ready.remove(id);
                    boolean live = centre.consultations().live().contains(consultation);
                    if (failure != null) {
                        LOG.warn("room for consultation {} could not be set up: {}", id, failure.getMessage());
                        roomReady.completeExceptionally(failure);
                        centre.consultations().fail(id);
                    } else if (live) {
                        roomReady.complete(null);
                        centre.consultations().roomReady(id);
                    } else {
                        roomReady.complete(null);
                        destroy(id, ConsultationEndReason.INTERACTION_ENDED);
                    }
                }), core);
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        destroy(consultation.id(), reason);
    }

    private void destroy(String id, ConsultationEndReason reason) {
        rooms.destroy(addresses.room(id), addresses.serviceOccupant(id), reason.text()).exceptionally(failure -> {
            LOG.debug("destroying consultation room {}: {}", id, failure.getMessage());
            return null;
        });
    }
}
