package ai.human.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the hand-written model JSONs in {@code src/test/resources/models/} and weight files written by tests. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture {@code models/<name>} parsed for editing. */
    static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(resource("/models/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String file, JsonNode json) {
        try {
            return Files.write(dir.resolve(file), JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String file, byte[] data) {
        try {
            return Files.write(dir.resolve(file), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code tiny.json} and its weights (bias = [0.5, -1.5]) into {@code dir}; returns the JSON's path. */
    static Path tinyModel(Path dir) {
        write(dir, "tiny.bin", new Bin().f32(0.5f, -1.5f).bytes());
        return write(dir, "tiny.json", json("tiny.json"));
    }

    /** Little-endian bytes as TensorFlow.js weight files hold them. */
    static final class Bin {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bin f32(float... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            out.writeBytes(b.array());
            return this;
        }

        Bin i32(int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putInt(v);
            }
            out.writeBytes(b.array());
            return this;
        }

        Bin u16(int... values) {
            ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putShort((short) v);
            }
            out.writeBytes(b.array());
            return this;
        }

        Bin u8(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
