/**
 * The contact centre's rules, with no XMPP, Openfire or store types: agents and their readiness, chats
 * ({@link org.chatconsult.core.Interaction}) routed by offers, consultations, conferences and transfers, each a
 * state machine with explicit transitions. {@link org.chatconsult.core.ContactCentre} runs them on one thread and
 * tells a {@link org.chatconsult.core.ContactCentreListener} what it decided.
 */
package org.chatconsult.core;
