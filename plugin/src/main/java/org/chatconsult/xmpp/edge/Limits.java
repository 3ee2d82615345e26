package org.chatconsult.xmpp.edge;

/**
 * The bounds every stanza and every field is held to before anything reads it (docs/protocol.md, "Limits").
 * Anyone on the internet reaches the service, so nothing a client sends is taken at its own length.
 */
public final class Limits {
    /** Elements nested inside one stanza, the stanza itself being the first; a MAM result nests five. */
    public static final int MAX_DEPTH = 24;
    /** Elements in one stanza, the stanza included. */
    public static final int MAX_ELEMENTS = 1_000;
    /** Characters of one stanza's names, attribute values and text together. */
    public static final int MAX_STANZA_CHARS = 64 * 1024;
    /** One attribute value: the longest address there is (RFC 7622 §3.1: three parts of 1,023 bytes and two separators). */
    public static final int MAX_ATTRIBUTE = 3_071;

    /** Identifiers the service hands out (chats, consultations, offers, archived lines) are far shorter. */
    public static final int MAX_ID = 64;
    /** An address (RFC 7622 §3.1). */
    public static final int MAX_JID = 3_071;
    /** One line of a chat. */
    public static final int MAX_BODY = 10_000;
    /** A note with a Done. */
    public static final int MAX_NOTE = 2_000;
    /** A disposition code. */
    public static final int MAX_DISPOSITION = 64;
    /** A Not Ready reason, the status of the agent's presence; a longer one is cut, as presence is never refused for it. */
    public static final int MAX_READINESS_REASON = 64;
    /** A directory search term. */
    public static final int MAX_SEARCH = 256;
    /** Any other form value (XEP-0004). */
    public static final int MAX_FORM_VALUE = 1_024;

    /** Stanzas one sender may send at once, and how fast that allowance refills, per second. */
    public static final int BURST = 500;
    public static final int PER_SECOND = 50;

    private Limits() {
    }
}
