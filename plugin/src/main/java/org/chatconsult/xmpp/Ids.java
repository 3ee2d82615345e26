package org.chatconsult.xmpp;

import java.security.SecureRandom;

/**
 * Unguessable identifiers, usable as room names (RFC 7622 localpart-safe). They are hard to guess on purpose:
 * knowing one must not be a way into a room or an offer.
 */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
