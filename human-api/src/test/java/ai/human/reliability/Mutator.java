package ai.human.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Seeded mutations of image files for fuzzing: bit flips, interesting byte values, truncation, chunk shuffles,
 * duplications and deletions, random insertions, header-only damage, and format-aware damage that keeps a file
 * plausible (PNG chunk data changed with its CRC fixed, JPEG marker segments changed in place) so that the decoders'
 * deeper paths are reached. The same seed gives the same mutation.
 *
 * <pre>{@code
 * Mutator.Mutant m = Mutator.mutate(pngBytes, new Random(42));
 * human.detect(m.bytes());   // m.description() says what was done
 * }</pre>
 */
public final class Mutator {
    private static final byte[] INTERESTING = {0, (byte) 0xFF, 0x7F, (byte) 0x80, 1, (byte) 0xFE};

    private Mutator() {
    }

    /** A mutated file and what was done to it. */
    public record Mutant(String description, byte[] bytes) {
    }

    private interface Operation {
        byte[] apply(byte[] in, Random rnd, StringBuilder log);
    }

    private static final List<Operation> OPERATIONS = List.of(
            Mutator::bitFlips, Mutator::interestingBytes, Mutator::truncate, Mutator::shuffleChunks,
            Mutator::duplicateChunk, Mutator::deleteRange, Mutator::insertRandom, Mutator::headerFlips,
            Mutator::pngChunkWithValidCrc, Mutator::jpegSegment);

    /** One to three operations applied to a copy of {@code original}. */
    public static Mutant mutate(byte[] original, Random rnd) {
        byte[] bytes = original.clone();
        StringBuilder log = new StringBuilder();
        int operations = 1 + (rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0);
        for (int i = 0; i < operations && bytes.length > 0; i++) {
            if (log.length() > 0) {
                log.append(", ");
            }
            bytes = OPERATIONS.get(rnd.nextInt(OPERATIONS.size())).apply(bytes, rnd, log);
        }
        return new Mutant(log.toString(), bytes);
    }

    private static byte[] bitFlips(byte[] in, Random rnd, StringBuilder log) {
        int n = 1 + rnd.nextInt(16);
        for (int i = 0; i < n; i++) {
            in[rnd.nextInt(in.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        log.append(n).append(" bit flips");
        return in;
    }

    private static byte[] interestingBytes(byte[] in, Random rnd, StringBuilder log) {
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            in[rnd.nextInt(in.length)] = INTERESTING[rnd.nextInt(INTERESTING.length)];
        }
        log.append(n).append(" bytes set to 00/ff/7f/80/01/fe");
        return in;
    }

    private static byte[] truncate(byte[] in, Random rnd, StringBuilder log) {
        int keep = rnd.nextInt(in.length);
        log.append("truncated to ").append(keep).append(" of ").append(in.length).append(" bytes");
        return Arrays.copyOf(in, keep);
    }

    private static byte[] shuffleChunks(byte[] in, Random rnd, StringBuilder log) {
        int[] cuts = rnd.ints(1 + rnd.nextInt(7), 0, in.length + 1).sorted().toArray();
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            chunks.add(Arrays.copyOfRange(in, from, cut));
            from = cut;
        }
        chunks.add(Arrays.copyOfRange(in, from, in.length));
        int a = rnd.nextInt(chunks.size());
        int b = rnd.nextInt(chunks.size());
        byte[] t = chunks.get(a);
        chunks.set(a, chunks.get(b));
        chunks.set(b, t);
        log.append("chunks ").append(a).append(" and ").append(b).append(" of ").append(chunks.size()).append(" swapped");
        return join(chunks);
    }

    private static byte[] duplicateChunk(byte[] in, Random rnd, StringBuilder log) {
        int from = rnd.nextInt(in.length);
        int length = 1 + rnd.nextInt(Math.min(4096, in.length - from));
        int at = rnd.nextInt(in.length + 1);
        log.append(length).append(" bytes at ").append(from).append(" copied to ").append(at);
        return join(List.of(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, from, from + length),
                Arrays.copyOfRange(in, at, in.length)));
    }

    private static byte[] deleteRange(byte[] in, Random rnd, StringBuilder log) {
        int from = rnd.nextInt(in.length);
        int length = 1 + rnd.nextInt(Math.min(4096, in.length - from));
        log.append(length).append(" bytes at ").append(from).append(" deleted");
        return join(List.of(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, from + length, in.length)));
    }

    private static byte[] insertRandom(byte[] in, Random rnd, StringBuilder log) {
        byte[] noise = new byte[1 + rnd.nextInt(64)];
        rnd.nextBytes(noise);
        int at = rnd.nextInt(in.length + 1);
        log.append(noise.length).append(" random bytes inserted at ").append(at);
        return join(List.of(Arrays.copyOfRange(in, 0, at), noise, Arrays.copyOfRange(in, at, in.length)));
    }

    private static byte[] headerFlips(byte[] in, Random rnd, StringBuilder log) {
        int n = 1 + rnd.nextInt(4);
        int span = Math.min(64, in.length);
        for (int i = 0; i < n; i++) {
            in[rnd.nextInt(span)] ^= (byte) (1 << rnd.nextInt(8));
        }
        log.append(n).append(" bit flips in the first ").append(span).append(" bytes");
        return in;
    }

    /** For a PNG: one chunk's data changed (bit flips or a new 32-bit value), its CRC recomputed. */
    private static byte[] pngChunkWithValidCrc(byte[] in, Random rnd, StringBuilder log) {
        List<int[]> chunks = new ArrayList<>(); // {start of length field, data length}
        int p = 8;
        while (in.length > 8 && in[1] == 'P' && in[2] == 'N' && in[3] == 'G' && p + 12 <= in.length) {
            int length = ByteBuffer.wrap(in, p, 4).getInt();
            if (length < 0 || p + 12L + length > in.length) {
                break;
            }
            chunks.add(new int[] {p, length});
            p += 12 + length;
        }
        if (chunks.isEmpty()) {
            return bitFlips(in, rnd, log);
        }
        int[] chunk = chunks.get(rnd.nextInt(chunks.size()));
        String type = new String(in, chunk[0] + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int data = chunk[0] + 8;
        if (chunk[1] >= 4 && rnd.nextBoolean()) {
            int at = data + 4 * rnd.nextInt(chunk[1] / 4);
            int value = rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(70_000);
            ByteBuffer.wrap(in, at, 4).putInt(value);
            log.append("PNG ").append(type).append(" value at +").append(at - data).append(" set to ").append(value);
        } else if (chunk[1] > 0) {
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                in[data + rnd.nextInt(chunk[1])] ^= (byte) (1 << rnd.nextInt(8));
            }
            log.append("PNG ").append(type).append(" ").append(n).append(" bit flips");
        } else {
            log.append("PNG ").append(type).append(" (empty) unchanged");
        }
        CRC32 crc = new CRC32();
        crc.update(in, chunk[0] + 4, 4 + chunk[1]);
        ByteBuffer.wrap(in, data + chunk[1], 4).putInt((int) crc.getValue());
        log.append(", CRC fixed");
        return in;
    }

    /** For a JPEG: bytes inside one marker segment (tables, frame or scan header) changed in place. */
    private static byte[] jpegSegment(byte[] in, Random rnd, StringBuilder log) {
        List<int[]> segments = new ArrayList<>(); // {marker position, length}
        int p = 2;
        while (in.length > 4 && (in[0] & 0xff) == 0xFF && (in[1] & 0xff) == 0xD8 && p + 4 <= in.length
                && (in[p] & 0xff) == 0xFF) {
            int marker = in[p + 1] & 0xff;
            int length = ByteBuffer.wrap(in, p + 2, 2).getShort() & 0xffff;
            if (length < 2 || p + 2 + length > in.length) {
                break;
            }
            segments.add(new int[] {p, length});
            if (marker == 0xDA) {
                break; // entropy-coded data follows
            }
            p += 2 + length;
        }
        if (segments.isEmpty()) {
            return bitFlips(in, rnd, log);
        }
        int[] segment = segments.get(rnd.nextInt(segments.size()));
        int marker = in[segment[0] + 1] & 0xff;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && segment[1] > 2; i++) {
            int at = segment[0] + 4 + rnd.nextInt(segment[1] - 2);
            in[at] = rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)] : (byte) rnd.nextInt(256);
        }
        log.append("JPEG segment ").append(String.format(java.util.Locale.ROOT, "%02X", marker)).append(": ").append(n)
                .append(" bytes changed");
        return in;
    }

    private static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
