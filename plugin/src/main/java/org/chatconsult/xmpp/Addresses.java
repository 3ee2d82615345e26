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

    /** RFC 7622 §3.1: each part at most 1023 octets. */
    private static final int MAX_PART = 1023;

    private final JID service;
    private final String bridge;
    private volatile String mucService;

    /** {@code mucService} may be null until {@link #mucServiceFound} names it. */
    public Addresses(String serviceDomain, String mucService) {
        this.service = new JID(null, serviceDomain, null);
        this.bridge = new JID(BRIDGE_NODE, service.getDomain(), null).toBareJID();
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
        return jid(name, service.getDomain(), null);
    }

    public JID room(String interactionId) {
        return jid(interactionId, mucService, null);
    }

    public boolean isRoom(JID address) {
        return address != null && address.getNode() != null && address.getDomain().equals(mucService);
    }

    /** Where the service itself sits in an interaction's room. */
    public JID serviceOccupant(String interactionId) {
        return jid(null, service.getDomain(), interactionId);
    }

    /** Where a bridged contact's voice sits in an interaction's room. */
    public JID bridgeOccupant(String interactionId) {
        return jid(BRIDGE_NODE, service.getDomain(), interactionId);
    }

    /** The bare address of the bridged contacts' voice, as a room names its real address. */
    public String bridge() {
        return bridge;
    }

    /** The bare form of an address the service already holds in its full form (no parsing: it was checked then). */
    public static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * An address of the service's own making, for every stanza it sends: parts already in their canonical form
     * (lower-case letters, digits, dots and dashes, as its ids and domains are) skip RFC 7622's preparation,
     * which would leave them as they are; anything else is prepared.
     */
    private static JID jid(String node, String domain, String resource) {
        boolean canonical = isCanonical(node) && isCanonical(domain) && isCanonical(resource);
        return new JID(node, domain, resource, canonical);
    }

    private static boolean isCanonical(String part) {
        if (part == null) {
            return true;
        }
        if (part.isEmpty() || part.length() > MAX_PART) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
