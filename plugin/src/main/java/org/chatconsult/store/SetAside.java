package org.chatconsult.store;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where changes the database refuses for good go, so that the journal can go on without them and lose none: one
 * JSON object per line (the time, the change's kind and fields, and why it was refused), appended to a file an
 * operator can read and replay. Each goes with one ERROR line naming the file.
 */
public final class SetAside {
    private static final Logger LOG = LoggerFactory.getLogger(SetAside.class);

    private final Path file;
    private long count;

    public SetAside(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Changes set aside since the start. */
    public synchronized long count() {
        return count;
    }

    public synchronized void add(Object change, Exception why) {
        JSONObject line = new JSONObject();
        line.put("time", Instant.now().toString());
        line.put("kind", change.getClass().getSimpleName());
        JSONObject fields = new JSONObject();
        if (change.getClass().isRecord()) {
            for (RecordComponent component : change.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(change);
                    fields.put(component.getName(), value == null ? JSONObject.NULL : String.valueOf(value));
                } catch (ReflectiveOperationException e) {
                    fields.put(component.getName(), "(unreadable)");
                }
            }
        } else {
            fields.put("value", String.valueOf(change));
        }
        line.put("change", fields);
        line.put("refused", String.valueOf(why.getCause() != null ? why.getCause().getMessage() : why.getMessage()));
        count++;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(line.toString());
                out.write('\n');
            }
            LOG.error("the store refused a {} for good ({}); it is set aside in {}", line.get("kind"),
                    line.get("refused"), file.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("the store refused a change for good and it could not be set aside in {}: {}",
                    file.toAbsolutePath(), line, e);
        }
    }
}
