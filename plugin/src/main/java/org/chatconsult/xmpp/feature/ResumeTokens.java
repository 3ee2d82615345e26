package org.chatconsult.xmpp.feature;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;

/**
 * The secret that lets a contact take her live chat up again from another address (a reloaded web page's new
 * anonymous address): 128 random bits, base64url, one per chat, forgotten when the chat ends. Kept in memory
 * only: a restart of the service voids them. Touched on the core thread only.
 */
public final class ResumeTokens implements ContactCentreListener {
    private static final int BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> byInteraction = new HashMap<>();
    private final Map<String, String> interactionByToken = new HashMap<>();

    /** The chat's token, made on first use. */
    public String tokenOf(Interaction interaction) {
        return byInteraction.computeIfAbsent(interaction.id(), id -> {
            byte[] bytes = new byte[BYTES];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            interactionByToken.put(token, id);
            return token;
        });
    }

    /** The id of the live chat this token was made for. */
    public Optional<String> interactionOf(String token) {
        return Optional.ofNullable(interactionByToken.get(token));
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        String token = byInteraction.remove(interaction.id());
        if (token != null) {
            interactionByToken.remove(token);
        }
    }
}
