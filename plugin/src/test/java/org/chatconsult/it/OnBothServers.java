package org.chatconsult.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario class that runs on every server {@link BothServers} names: Prosody in the unit-test phase, and,
 * tagged {@code openfire}, again in the integration-test phase with the plugin inside Openfire. The tag is how
 * the integration-test phase finds it: there is no list to keep.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BothServers.class)
@Tag("openfire")
public @interface OnBothServers {
}
