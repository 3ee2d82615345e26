/**
 * The service as an external component (XEP-0114) of any XMPP server: its connection, its settings file, and the
 * local demo on a private Prosody.
 */
package org.chatconsult.standalone;
