package org.chatconsult.sdk;

import java.util.Locale;

import org.chatconsult.protocol.WireToken;
import org.jxmpp.jid.Jid;

/**
 * One Team Communicator result: an agent, routing point, agent group or contact, with presence, readiness and
 * load (for routing points and groups: summed over their agents, Ready when one of them can take a chat).
 *
 * <pre>{@code
 * for (DirectoryEntry entry : team.search("bob", EnumSet.of(DirectoryEntry.Kind.AGENT), true)) {
 *     System.out.println(entry.getName() + " " + entry.getReadiness() + " " + entry.getLoad() + "/" + entry.getCapacity());
 * }
 * }</pre>
 */
public final class DirectoryEntry {
    /** What an entry is. */
    public enum Kind implements WireToken {
        AGENT, ROUTING_POINT, GROUP, CONTACT;

        static Kind of(String token) {
            return valueOf(token.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Jid jid;
    private final String name;
    private final Kind kind;
    private final String presence;
    private final String readiness;
    private final int load;
    private final int capacity;
    private final boolean favorite;

    DirectoryEntry(Jid jid, String name, Kind kind, String presence, String readiness, int load, int capacity,
            boolean favorite) {
        this.jid = jid;
        this.name = name;
        this.kind = kind;
        this.presence = presence;
        this.readiness = readiness;
        this.load = load;
        this.capacity = capacity;
        this.favorite = favorite;
    }

    /** The address to consult, conference, transfer to, IM or call. */
    public Jid getJid() {
        return jid;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    /** {@code online} or {@code offline}. */
    public String getPresence() {
        return presence;
    }

    /** {@code ready}, {@code not-ready} or {@code logged-out}; {@code -} for contacts. */
    public String getReadiness() {
        return readiness;
    }

    public boolean isReady() {
        return "ready".equals(readiness);
    }

    public int getLoad() {
        return load;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isFavorite() {
        return favorite;
    }

    @Override
    public String toString() {
        return name + " <" + jid + "> " + kind.token() + ", " + readiness + ", " + load + "/" + capacity
                + (favorite ? ", favorite" : "");
    }
}
