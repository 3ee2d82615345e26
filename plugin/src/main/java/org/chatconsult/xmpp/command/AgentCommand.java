package org.chatconsult.xmpp.command;

import org.chatconsult.core.Directory;

/** A command for the service's agents alone. */
abstract class AgentCommand extends GuardedCommand {
    AgentCommand(Directory directory, String node, String name) {
        super(node, name, requester -> directory.agent(requester).isPresent(),
                "only the service's agents may run this command");
    }
}
