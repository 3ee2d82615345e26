/**
 * The wire vocabulary the service and the SDK share: namespace, element names and reasons (docs/protocol.md).
 */
package org.chatconsult.protocol;
