package org.chatconsult.store;

/** The database refused or could not be reached. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
