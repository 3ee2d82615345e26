package org.chatconsult.xmpp;

/**
 * A component that wants to know when its connection to the server is back after a loss: the server may have
 * restarted and forgotten the state it kept for the component, such as its rooms and their occupants.
 */
public interface Reconnectable {
    void reconnected();

    /** The connection to the server was lost; a reconnection is being tried. */
    default void disconnected() {
    }
}
