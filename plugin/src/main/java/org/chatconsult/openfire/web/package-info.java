/** The plugin's admin console pages: settings and the live view. */
package org.chatconsult.openfire.web;
