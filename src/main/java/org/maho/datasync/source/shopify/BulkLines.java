package org.maho.datasync.source.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.maho.datasync.source.LookAhead;

/**
 * A bulk query's JSONL file as its top-level objects, each with the objects of its connections: Shopify writes a
 * nested object on a line of its own with {@code __parentId}, after its parent but not always right after it. A first
 * pass notes where each parent's children are; the second gives each top-level object with them, one at a time.
 */
final class BulkLines {

    /** A top-level object (a product, a customer, an order) and its children (variants and images, line items). */
    record Group(JsonNode root, List<JsonNode> children) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkLines() {}

    static Iterator<Group> read(Path file) {
        Map<String, List<long[]>> children = new HashMap<>();
        List<long[]> roots = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            long offset = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    if (line.size() > 0) {
                        JsonNode object = JSON.readTree(line.toByteArray());
                        long[] place = {offset, line.size()};
                        if (object.hasNonNull("__parentId")) {
                            children.computeIfAbsent(object.get("__parentId").asText(), id -> new ArrayList<>()).add(place);
                        } else {
                            roots.add(place);
                        }
                    }
                    offset += line.size() + 1;
                    line.reset();
                    if (b < 0) {
                        break;
                    }
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Shopify's bulk file " + file, e);
        }
        Iterator<long[]> each = roots.iterator();
        FileChannel channel = open(file);
        return new LookAhead<>() {
            @Override
            protected Group advance() {
                if (!each.hasNext()) {
                    close(channel);
                    return null;
                }
                JsonNode root = at(channel, file, each.next());
                List<JsonNode> nested = new ArrayList<>();
                for (long[] place : children.getOrDefault(root.path("id").asText(), List.of())) {
                    nested.add(at(channel, file, place));
                }
                return new Group(root, nested);
            }
        };
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Shopify's bulk file " + file, e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read to its end; nothing is lost
        }
    }

    private static JsonNode at(FileChannel channel, Path file, long[] place) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate((int) place[1]);
            channel.read(bytes, place[0]);
            return JSON.readTree(bytes.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Shopify's bulk file " + file, e);
        }
    }
}
