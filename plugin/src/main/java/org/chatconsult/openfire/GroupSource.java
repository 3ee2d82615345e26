package org.chatconsult.openfire;

import java.util.Collection;

/** The two questions the directory asks of Openfire's users and groups; a seam for tests. */
public interface GroupSource {
    /** Bare addresses of a group's members and admins; empty if the group does not exist. */
    Collection<String> members(String group);

    /** A user's display name, or null when unknown. */
    String displayName(String bareAddress);
}
