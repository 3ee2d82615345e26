/**
 * The orchestration features, each a small {@link org.chatconsult.core.ContactCentreListener} that carries one
 * kind of decision out on the server: rooms, offers, notices, the contact bridge, the transcript mirror.
 */
package org.chatconsult.xmpp.feature;
