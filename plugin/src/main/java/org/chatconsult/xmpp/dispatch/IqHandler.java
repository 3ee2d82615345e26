package org.chatconsult.xmpp.dispatch;

import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.IQ;

/**
 * Serves one kind of request: completes with its one reply (RFC 6120 §8.2.3), a result or an error. May throw
 * {@link org.chatconsult.core.CoreException} for a field refused before any work starts.
 */
@FunctionalInterface
public interface IqHandler {
    CompletableFuture<IQ> handle(IQ request);
}
