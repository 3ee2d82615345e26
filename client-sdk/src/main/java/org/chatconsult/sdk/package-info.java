/**
 * ChatConsult's client SDK on Smack: {@link org.chatconsult.sdk.AgentManager} gives an agent desktop or bot
 * readiness, offers (with their preview), accept, decline and ending chats, on any XMPP connection;
 * {@link org.chatconsult.sdk.SupervisorManager} gives a supervisor the live chats, monitoring, whispers and barge-in.
 */
package org.chatconsult.sdk;
