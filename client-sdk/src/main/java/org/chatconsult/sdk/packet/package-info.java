/** The protocol's elements and IQs (docs/protocol.md) as Smack stanza extensions. */
package org.chatconsult.sdk.packet;
