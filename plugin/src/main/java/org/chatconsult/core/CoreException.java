package org.chatconsult.core;

/** A command the core refuses; the XMPP layer maps the {@link Kind} to an error condition (RFC 6120 §8.3.3). */
public final class CoreException extends RuntimeException {
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, NOT_ALLOWED, BAD_REQUEST, NOT_ACCEPTABLE, JID_MALFORMED,
        RESOURCE_CONSTRAINT, UNAVAILABLE }

    private final Kind kind;

    public CoreException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
