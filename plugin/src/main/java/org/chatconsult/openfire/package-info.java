/**
 * The only code that imports Openfire: the plugin's lifecycle, users and groups as the directory, its database
 * and properties as the settings.
 */
package org.chatconsult.openfire;
