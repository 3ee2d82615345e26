/**
 * The service put together in one place ({@link org.chatconsult.xmpp.assembly.ServiceAssembly}): core, store,
 * features in their listener phases, handlers and the table of requests.
 */
package org.chatconsult.xmpp.assembly;
