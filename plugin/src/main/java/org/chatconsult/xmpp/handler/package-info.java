/**
 * The handlers of what arrives: requests in our namespace and the standard ones (discovery, search, message
 * archive), agents' presence, contacts' lines, and the rooms' traffic.
 */
package org.chatconsult.xmpp.handler;
