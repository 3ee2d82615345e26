package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;

/**
 * An agent's state in presence. Sent by the agent with only a capacity; answered by the service with
 * readiness ({@code ready}, {@code not-ready}, {@code logged-out}), capacity and load.
 *
 * <pre>{@code
 * AgentStateExtension state = presence.getExtension(AgentStateExtension.class);
 * System.out.println(state.getReadiness() + " " + state.getLoad() + "/" + state.getCapacity());
 * }</pre>
 */
public final class AgentStateExtension extends AttributeElement {
    public static final String ELEMENT = Wire.AGENT;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public AgentStateExtension(String readiness, Integer capacity, Integer load) {
        super(ELEMENT, new Attributes().with("readiness", readiness).with("capacity", capacity).with("load", load));
    }

    /** What an agent sends: only its capacity. */
    public static AgentStateExtension capacity(int capacity) {
        return new AgentStateExtension(null, capacity, null);
    }

    public String getReadiness() {
        return attribute("readiness");
    }

    public Integer getCapacity() {
        return attribute("capacity");
    }

    public Integer getLoad() {
        return attribute("load");
    }
}
