/**
 * The edge, before anything reads a stanza: bounds, types and addresses, rates, and the fields of requests.
 */
package org.chatconsult.xmpp.edge;
