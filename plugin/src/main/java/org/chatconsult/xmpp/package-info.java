/**
 * The service as a Tinder component ({@link org.chatconsult.xmpp.ConsultComponent}) and what it speaks XMPP
 * with: addresses, the core thread, the room driver (XEP-0045 as owner and occupant), IQ tracking.
 */
package org.chatconsult.xmpp;
