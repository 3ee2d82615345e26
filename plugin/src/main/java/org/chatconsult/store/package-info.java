/**
 * What survives a restart: the journal that hands every change to one store thread
 * ({@link org.chatconsult.store.Journal}), the JDBC store and its schema scripts, the state recorder and the
 * interaction log that feed it, and the restoration read back at start.
 */
package org.chatconsult.store;
