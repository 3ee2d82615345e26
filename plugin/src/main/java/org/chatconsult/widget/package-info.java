/** The web chat widget's files and embedding page, shared by the Openfire plugin and the standalone service. */
package org.chatconsult.widget;
