package org.chatconsult.store;

/** The database refused or could not be reached. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying the same write again cannot help: the database refused the data itself (SQLSTATE class
     * 22, data exception: a value too long or malformed; 23, integrity constraint violation; 42, syntax or
     * access rule), as opposed to failing to be reached (class 08) or a transient fault.
     */
    public boolean isPermanent() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23") || state.startsWith("42");
            }
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cause instanceof java.sql.SQLDataException) {
                return true;
            }
        }
        return false;
    }
}
