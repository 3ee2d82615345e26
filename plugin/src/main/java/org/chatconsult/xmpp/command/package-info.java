/**
 * The ad-hoc commands (XEP-0050) stock clients run: the protocol in
 * {@link org.chatconsult.xmpp.command.AdHocCommands}, each command its own class.
 */
package org.chatconsult.xmpp.command;
