package org.chatconsult.it;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a scenario ({@code @TestTemplate} taking a {@link TestServer}) on each server the system property
 * {@code chatconsult.servers} names: {@code prosody} (the service as an external component; the unit-test
 * phase) and {@code openfire} (the plugin inside Openfire; the integration-test phase, after packaging).
 */
public final class BothServers implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(System.getProperty("chatconsult.servers", "prosody").split(","))
                .map(String::trim)
                .map(BothServers::on);
    }

    private static TestTemplateInvocationContext on(String server) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "on " + server;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
                        return parameter.getParameter().getType() == TestServer.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
                        return server.equals("openfire") ? OpenfireTestServer.onOpenfire(extension)
                                : TestServer.onProsody(extension);
                    }
                });
            }
        };
    }
}
