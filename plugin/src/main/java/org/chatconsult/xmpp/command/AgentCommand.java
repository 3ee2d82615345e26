package org.chatconsult.xmpp.command;

import org.chatconsult.core.Directory;

/** A command for the service's agents alone. */
abstract class AgentCommand implements AdHocCommand {
    private final Directory directory;
    private final String node;
    private final String name;

    AgentCommand(Directory directory, String node, String name) {
        this.directory = directory;
        this.node = node;
        this.name = name;
    }

    @Override
    public final String node() {
        return node;
    }

    @Override
    public final String name() {
        return name;
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
