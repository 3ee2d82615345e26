package org.chatconsult.xmpp.feature;

/**
 * The word that ends a chat or a consultation when said in its room, to the service's occupant in private, or
 * 1:1 to the routing point. Stock clients take a line starting with '/' for a command of their own (Gajim,
 * Dino, profanity, poezio, Conversations), so the word starts with '!', which they all pass on; {@code /end}
 * still counts for a client that sends it (with a leading space, most do). The word is never relayed.
 */
public final class EndWord {
    /** What a party writes to end; the one the service tells people about. */
    public static final String WORD = "!end";
    private static final String SLASH_WORD = "/end";

    private EndWord() {
    }

    /** Whether a line is the end word (surrounding spaces and letter case aside). */
    public static boolean matches(String body) {
        if (body == null) {
            return false;
        }
        String word = body.trim();
        return word.equalsIgnoreCase(WORD) || word.equalsIgnoreCase(SLASH_WORD);
    }
}
