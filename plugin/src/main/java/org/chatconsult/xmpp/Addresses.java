package org.chatconsult.xmpp;

import org.xmpp.packet.JID;

/**
 * Every address the service uses. The service is {@code consult.<domain>}; a routing point is
 * {@code name@consult.<domain>}; rooms live on the server's MUC service as {@code <interaction>@<muc>}. In
 * each room the service sits as {@code consult.<domain>/<interaction>} (the routing point's voice) and, for a
 * contact on a plain IM client, as {@code bridge@consult.<domain>/<interaction>} (the contact's voice).
 */
public final class Addresses {
    /** Node reserved for bridged contact occupants; never a routing point name. */
    public static final String BRIDGE_NODE = "bridge";

    private final JID service;
    private volatile String mucService;

    /** {@code mucService} may be null until {@link #mucServiceFound} names it. */
    public Addresses(String serviceDomain, String mucService) {
        this.service = new JID(null, serviceDomain, null);
        this.mucService = mucService;
    }

    /** The MUC service found by discovery, once, before any room is made. */
    public void mucServiceFound(String domain) {
        this.mucService = domain;
    }

    public JID service() {
        return service;
    }

    public String mucService() {
        return mucService;
    }

    public boolean isService(JID address) {
        return address.getNode() == null && service.getDomain().equals(address.getDomain());
    }

    public JID routingPoint(String name) {
        return new JID(name, service.getDomain(), null);
    }

    public JID room(String interactionId) {
        return new JID(interactionId, mucService, null);
    }

    public boolean isRoom(JID address) {
        return address != null && address.getNode() != null && address.getDomain().equals(mucService);
    }

    /** Where the service itself sits in an interaction's room. */
    public JID serviceOccupant(String interactionId) {
        return new JID(null, service.getDomain(), interactionId);
    }

    /** Where a bridged contact's voice sits in an interaction's room. */
    public JID bridgeOccupant(String interactionId) {
        return new JID(BRIDGE_NODE, service.getDomain(), interactionId);
    }
}
