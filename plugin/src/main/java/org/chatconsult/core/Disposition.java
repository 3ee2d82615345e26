package org.chatconsult.core;

import java.time.Instant;

/** A party's Mark Done: an optional disposition code and note, and when. */
public record Disposition(String party, String code, String note, Instant at) {
}
