package org.chatconsult.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chatconsult.core.RoutingPoint;
import org.junit.jupiter.api.Test;

/** Openfire's groups are the directory; the seam stands in for GroupManager and UserManager. */
class OpenfireDirectoryTest {
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();
    private final OpenfireDirectory directory = new OpenfireDirectory(
            new OpenfireSettings(properties::get, properties::put), new GroupSource() {
        @Override
        public Collection<String> members(String group) {
            return groups.getOrDefault(group, List.of());
        }

        @Override
        public String displayName(String bareAddress) {
            return bareAddress.startsWith("ann@") ? "Ann Smith" : null;
        }
    });

    @Test
    void outOfTheBoxOneRoutingPointIsServedByTheAgentGroup() {
        groups.put("agents", List.of("ann@example.com"));
        assertThat(directory.routingPoints()).extracting(RoutingPoint::name).containsExactly("support");
        assertThat(directory.routingPoint("support").orElseThrow().servedBy("ann@example.com")).isTrue();
    }

    @Test
    void agentsAndRoutingPointsComeFromGroupsAndFollowTheirChanges() {
        groups.put("agents", List.of("ann@example.com"));
        groups.put("vip-team", List.of("bob@example.com"));
        properties.put("chatconsult.routingpoints", "sales, vip, bridge");
        properties.put("chatconsult.routingpoint.vip.group", "vip-team");
        properties.put("chatconsult.routingpoint.vip.name", "VIP desk");

        assertThat(directory.routingPoints()).extracting(RoutingPoint::name).containsExactly("sales", "vip");
        assertThat(directory.routingPoint("vip").orElseThrow().displayName()).isEqualTo("VIP desk");
        assertThat(directory.routingPoint("sales").orElseThrow().agents()).containsExactly("ann@example.com");
        assertThat(directory.agent("ann@example.com").orElseThrow().displayName()).isEqualTo("Ann Smith");
        assertThat(directory.agent("bob@example.com").orElseThrow().displayName()).isEqualTo("bob@example.com");
        assertThat(directory.agent("eve@example.com")).isEmpty();

        groups.put("vip-team", List.of("bob@example.com", "cat@example.com"));
        assertThat(directory.routingPoint("vip").orElseThrow().servedBy("cat@example.com")).isTrue();
        assertThat(directory.agent("cat@example.com")).isPresent();
    }
}
