/**
 * The browser's pages and their built files, shared by the Openfire plugin and the standalone service: the web chat
 * widget for contacts and the agent workspace.
 */
package org.chatconsult.web;
