/** Parsers of the protocol's elements, registered from {@code org.chatconsult.sdk/chatconsult.providers}. */
package org.chatconsult.sdk.provider;
