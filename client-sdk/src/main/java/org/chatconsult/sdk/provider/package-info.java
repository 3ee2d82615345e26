/**
 * Parsers of the protocol's elements and of the service's IQ results, registered from
 * {@code org.chatconsult.sdk/chatconsult.providers} when {@link org.chatconsult.sdk.AgentManager} is first used:
 *
 * <pre>{@code
 * AgentManager.getInstanceFor(connection);              // registers them
 * OfferExtension offer = message.getExtension(OfferExtension.class);
 * }</pre>
 */
package org.chatconsult.sdk.provider;
