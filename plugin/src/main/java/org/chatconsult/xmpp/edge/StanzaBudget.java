package org.chatconsult.xmpp.edge;

/**
 * What one stanza has spent of the {@link Limits}, counted as it is read: element by element, attribute by
 * attribute, text by text. The same count serves a stanza read from a stream (the external component's
 * connector) and one handed over as a tree (inside Openfire), so both refuse exactly the same stanzas.
 */
public final class StanzaBudget {
    private int elements;
    private long chars;

    /** An element at {@code depth} (the stanza is at 1); null while within bounds. */
    public Violation element(int depth, String name) {
        if (depth > Limits.MAX_DEPTH) {
            return Violation.tooLarge("the stanza nests elements deeper than " + Limits.MAX_DEPTH);
        }
        if (++elements > Limits.MAX_ELEMENTS) {
            return Violation.tooLarge("the stanza holds more than " + Limits.MAX_ELEMENTS + " elements");
        }
        return spend(name.length());
    }

    public Violation attribute(String name, String value) {
        if (value.length() > Limits.MAX_ATTRIBUTE) {
            return Violation.tooLarge(Names.attribute(name) + " is longer than " + Limits.MAX_ATTRIBUTE
                    + " characters");
        }
        return spend(name.length() + value.length());
    }

    public Violation text(int length) {
        return spend(length);
    }

    private Violation spend(long amount) {
        chars += amount;
        return chars > Limits.MAX_STANZA_CHARS
                ? Violation.tooLarge("the stanza is larger than " + Limits.MAX_STANZA_CHARS + " characters")
                : null;
    }
}
