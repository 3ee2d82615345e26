package org.chatconsult.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The files a browser module's build put on the class path, each at the path it is served at: only those named,
 * so that no request reaches any other resource of the class path.
 */
public final class PackagedFiles {
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";

    private final Map<String, String> contentTypes;

    /** {@code contentTypes}: each file's path (below the serving root, the same in the jar) and its type. */
    PackagedFiles(Map<String, String> contentTypes) {
        this.contentTypes = Map.copyOf(contentTypes);
    }

    /** A file as it is served. */
    public record File(String contentType, byte[] content) {
    }

    /** The file at {@code path} (below the serving root), or null for any other path or one not built. */
    public File file(String path) throws IOException {
        String type = contentTypes.get(path);
        if (type == null) {
            return null;
        }
        try (InputStream in = PackagedFiles.class.getResourceAsStream(path)) {
            return in == null ? null : new File(type, in.readAllBytes());
        }
    }
}
