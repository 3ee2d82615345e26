package org.chatconsult.xmpp.feature;

/**
 * Told as the service enters again a chat's room it was out of, and once it is back in with its people: while it
 * was out it saw nobody come or go.
 */
public interface Reentry {
    void reentering(String interactionId);

    void reentered(String interactionId);
}
