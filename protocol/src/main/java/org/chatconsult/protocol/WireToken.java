package org.chatconsult.protocol;

import java.util.Locale;

/** A constant named on the wire by a token: its name in lower case with hyphens, e.g. {@code contact-left}. */
public interface WireToken {
    String name();

    /** The value used on the wire. */
    default String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} that {@code token} names; null for none, or one this version does not know. */
    static <E extends Enum<E> & WireToken> E ofToken(Class<E> type, String token) {
        for (E constant : type.getEnumConstants()) {
            if (constant.token().equals(token)) {
                return constant;
            }
        }
        return null;
    }
}
