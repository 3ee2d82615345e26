package org.chatconsult.xmpp.feature;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.EndReason;
import org.chatconsult.core.Interaction;
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

    public RoomLifecycle(Addresses addresses, RoomDriver rooms, ContactBridge contacts, CoreThread core) {
        this.addresses = addresses;
        this.rooms = rooms;
        this.contacts = contacts;
        this.core = core;
    }

    @Override
    public void interactionCreated(Interaction interaction) {
        String id = interaction.id();
        String title = interaction.routingPoint().displayName() + " chat with " + interaction.contactName();
        rooms.create(addresses.room(id), addresses.serviceOccupant(id), interaction.routingPoint().displayName(), title)
                .thenComposeAsync(created -> contacts.attach(interaction), core)
                .whenCompleteAsync((ready, failure) -> core.submit(centre -> {
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
                }), core);
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        destroy(interaction.id(), reason);
    }

    private void destroy(String id, EndReason reason) {
        JID room = addresses.room(id);
        rooms.destroy(room, addresses.serviceOccupant(id), reason.text()).exceptionally(failure -> {
            LOG.debug("destroying {}: {}", room, failure.getMessage());
            return null;
        });
    }
}
