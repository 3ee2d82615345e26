package org.chatconsult.xmpp.feature;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.RoomDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;

/**
 * Gives each consultation its own room on the server's MUC service, hidden and members-only, whose members are
 * the initiator and (once offered) the target, never the contact; destroys it with a reason when it ends.
 */
public final class ConsultationRooms implements ContactCentreListener {
    /**
     * The room's name, which the MUC service tells anyone who asks (disco#info, XEP-0045 §6.4): neutral, with no
     * personal data. Members learn whose chat it is from the request and the mirrored transcript.
     */
    private static final String TITLE = "Consultation";

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationRooms.class);
    /** The service's nickname in consultation rooms, where it speaks the mirrored transcript. */
    public static final String NICK = "Transcript";

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final CoreThread core;
    private final PrivateRooms privateRooms;
    private final TranscriptMirror transcripts;

    public ConsultationRooms(Addresses addresses, RoomDriver rooms, PrivateRooms privateRooms,
            TranscriptMirror transcripts, CoreThread core) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.transcripts = transcripts;
        this.core = core;
        this.privateRooms = privateRooms;
    }

    /** Completes once the consultation's room exists and its initiator may enter (at once if it does already). */
    public CompletableFuture<Void> whenReady(String consultationId) {
        return privateRooms.whenReady(consultationId);
    }

    @Override
    public void consultationCreated(Consultation consultation) {
        String id = consultation.id();
        privateRooms.open(id, TITLE, new JID(consultation.initiator()), null, (centre, failure) -> {
            if (failure != null) {
                LOG.warn("room for consultation {} could not be set up: {}", id, failure.getMessage());
                centre.consultations().fail(id);
            } else if (centre.consultations().live().contains(consultation)) {
                centre.consultations().roomReady(id);
            } else {
                destroy(id, ConsultationEndReason.INTERACTION_ENDED);
            }
        });
    }

    /**
     * A consultation the previous run left live: re-enter its room asking for what was said meanwhile, or make it
     * anew (members again, invited back, and the whole transcript mirrored once more).
     */
    @Override
    public void consultationRestored(Consultation consultation) {
        retake(consultation, false);
    }

    /** After the server came back: the members are invited back in any case. */
    @Override
    public void consultationResumed(Consultation consultation) {
        retake(consultation, true);
    }

    private void retake(Consultation consultation, boolean inviteBack) {
        String id = consultation.id();
        transcripts.pause(id);
        rooms.retake(addresses.room(id), addresses.serviceOccupant(id), NICK, TITLE,
                        transcripts.historySince(id, consultation.started()))
                .thenAcceptAsync(recreated -> reentered(consultation, recreated, inviteBack), core)
                .exceptionally(failure -> {
                    LOG.warn("could not re-take the room of consultation {}: {}", id, failure.getMessage());
                    core.execute(() -> transcripts.resume(consultation));
                    return null;
                });
    }

    /** Back in the room: send what it missed; make its people members again and invite them when needed. */
    private void reentered(Consultation consultation, boolean recreated, boolean inviteBack) {
        String id = consultation.id();
        if (recreated) {
            transcripts.missed(id, 1); // a room made anew holds nothing: the whole transcript again
        }
        transcripts.resume(consultation);
        if (!recreated && !inviteBack) {
            return;
        }
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        Set<String> members = new LinkedHashSet<>();
        members.add(consultation.initiator());
        if (consultation.target() != null) {
            members.add(consultation.target());
        }
        consultation.offers().forEach(offer -> members.add(offer.agent()));
        for (String member : members) {
            if (consultation.isMember(member)) {
                rooms.admit(room, self, new JID(member), "The consultation continues");
            } else {
                rooms.affiliate(room, self, new JID(member), "member"); // an offered agent: the offer says it
            }
        }
    }

    /** The service stops and the consultation goes on: leave its room without ending it. */
    @Override
    public void consultationSuspended(Consultation consultation) {
        rooms.leave(addresses.room(consultation.id()), addresses.serviceOccupant(consultation.id()), NICK);
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        // Kept until now: the request that started the consultation may ask after its room was ready.
        privateRooms.closed(consultation.id());
        destroy(consultation.id(), reason);
    }

    private void destroy(String id, ConsultationEndReason reason) {
        rooms.destroy(addresses.room(id), addresses.serviceOccupant(id), reason.text()).exceptionally(failure -> {
            LOG.debug("destroying consultation room {}: {}", id, failure.getMessage());
            return null;
        });
    }
}
