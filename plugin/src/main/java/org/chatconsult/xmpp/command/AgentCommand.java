package org.chatconsult.xmpp.command;

import org.chatconsult.core.Directory;

/** A command for the service's agents alone. */
abstract class AgentCommand implements AdHocCommand {
    private final Directory directory;

    AgentCommand(Directory directory) {
        this.directory = directory;
    }

    @Override
    public boolean allows(String requester) {
        return directory.agent(requester).isPresent();
    }

    @Override
    public String whoMay() {
        return "only the service's agents may run this command";
    }
}
