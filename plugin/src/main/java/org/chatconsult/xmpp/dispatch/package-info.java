/**
 * Where admitted stanzas go: the table of requests keyed by namespace, element and type
 * ({@link org.chatconsult.xmpp.dispatch.IqRouter}), and messages and presences by address.
 */
package org.chatconsult.xmpp.dispatch;
