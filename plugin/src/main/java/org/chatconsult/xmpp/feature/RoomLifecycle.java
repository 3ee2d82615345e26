package org.chatconsult.xmpp.feature;

import java.util.LinkedHashSet;
import java.util.Set;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.RoomDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;

/** Gives each interaction its room on the server's MUC service, and destroys the room when the chat ends. */
public final class RoomLifecycle implements ContactCentreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RoomLifecycle.class);

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final ContactBridge contacts;
    private final CoreThread core;

    private final TranscriptMirror transcripts;
    private final Reentry reentry;

    public RoomLifecycle(Addresses addresses, RoomDriver rooms, ContactBridge contacts, TranscriptMirror transcripts,
            CoreThread core, Reentry reentry) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.contacts = contacts;
        this.transcripts = transcripts;
        this.core = core;
        this.reentry = reentry;
    }

    @Override
    public void interactionCreated(Interaction interaction) {
        String id = interaction.id();
        rooms.create(addresses.room(id), addresses.serviceOccupant(id), interaction.routingPoint().displayName(),
                        title(interaction))
                .thenComposeAsync(created -> contacts.attach(interaction), core)
                .whenCompleteAsync((ready, failure) -> settled(id, failure), core);
    }

    /**
     * A chat the previous run left live: re-enter its room asking for what was said meanwhile, or make the room
     * anew if the server lost it (then its members are made members again and invited back).
     */
    @Override
    public void interactionRestored(Interaction interaction) {
        retake(interaction, false);
    }

    /** After the server came back: the people's sessions ended with it, so they are invited back in any case. */
    @Override
    public void interactionResumed(Interaction interaction) {
        retake(interaction, true);
    }

    private void retake(Interaction interaction, boolean inviteBack) {
        String id = interaction.id();
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        reentry.reentering(id);
        rooms.retake(room, self, interaction.routingPoint().displayName(), title(interaction),
                        transcripts.historySince(id, interaction.started()))
                .thenComposeAsync(recreated -> {
                    if (recreated || inviteBack) {
                        readmitAgents(interaction, room, self);
                        return contacts.reattach(interaction, true);
                    }
                    // The room went on without the service: whoever left meanwhile did so unseen.
                    return contacts.reattach(interaction, false).thenRun(() -> reentry.reentered(id));
                }, core)
                .whenCompleteAsync((ready, failure) -> settled(id, failure), core);
    }

    /** The service stops and the chat goes on: leave the room without ending it. */
    @Override
    public void interactionSuspended(Interaction interaction) {
        rooms.leave(addresses.room(interaction.id()), addresses.serviceOccupant(interaction.id()),
                interaction.routingPoint().displayName());
    }

    private void readmitAgents(Interaction interaction, JID room, JID self) {
        Set<String> agents = new LinkedHashSet<>(interaction.participants());
        if (interaction.owner() != null) {
            agents.add(interaction.owner());
        }
        for (String agent : agents) {
            rooms.admit(room, self, new JID(agent), "Your chat with " + interaction.contactName() + " continues");
        }
        if (interaction.offer() != null) {
            rooms.affiliate(room, self, new JID(interaction.offer().agent()), "member");
        }
    }

    /** Neutral, like a consultation room's name: the MUC service tells it to anyone who asks (XEP-0045 §6.4). */
    private static String title(Interaction interaction) {
        return interaction.routingPoint().displayName() + " chat";
    }

    /** The room is set up (or could not be): route a new chat, or end it. */
    private void settled(String id, Throwable failure) {
        core.submit(centre -> {
                    boolean live = centre.interaction(id).isPresent();
                    if (failure != null) {
                        LOG.warn("room for interaction {} could not be set up: {}", id, failure.getMessage());
                        if (live) {
                            centre.end(id, EndReason.SERVICE_ERROR);
                        }
                    } else if (live) {
                        centre.roomReady(id);
                    } else {
                        destroy(id, EndReason.CONTACT_LEFT);
                    }
                });
    }

    /**
     * Says why in the room before destroying it: many clients show a room's destruction, and its reason, only as
     * a line in the log or not at all, and then forget the room.
     */
    @Override
    public void ended(Interaction interaction, EndReason reason) {
        String id = interaction.id();
        rooms.say(addresses.room(id), addresses.serviceOccupant(id), "This chat has ended. " + reason.text());
        destroy(id, reason);
    }

    private void destroy(String id, EndReason reason) {
        JID room = addresses.room(id);
        rooms.destroy(room, addresses.serviceOccupant(id), reason.text()).exceptionally(failure -> {
            LOG.debug("destroying {}: {}", room, failure.getMessage());
            return null;
        });
    }
}
