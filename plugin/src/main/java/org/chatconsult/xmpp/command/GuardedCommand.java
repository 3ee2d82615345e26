package org.chatconsult.xmpp.command;

import java.util.function.Predicate;

/** A command with its node, its name, and who may run it (and so sees it listed). */
abstract class GuardedCommand implements AdHocCommand {
    private final String node;
    private final String name;
    private final Predicate<String> allowed;
    private final String whoMay;

    GuardedCommand(String node, String name, Predicate<String> allowed, String whoMay) {
        this.node = node;
        this.name = name;
        this.allowed = allowed;
        this.whoMay = whoMay;
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
    public final boolean allows(String requester) {
        return allowed.test(requester);
    }

    @Override
    public final String whoMay() {
        return whoMay;
    }
}
