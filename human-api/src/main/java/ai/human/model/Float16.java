package ai.human.model;

/**
 * IEEE 754 half-precision to single-precision conversion (Java 17 has no
 * {@code Float.float16ToFloat}). Exact for every one of the 65536 bit patterns: subnormals, signed
 * zeros, infinities and NaNs (whose payload is kept in the top mantissa bits, as TensorFlow.js does).
 */
final class Float16 {
    private Float16() {
    }

    /** The float whose half-precision bits are the low 16 bits of {@code bits}. */
    public static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa × 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // rebias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Decodes {@code count} little-endian half floats starting at {@code offset}. */
    public static float[] decode(byte[] data, int offset, int count) {
        float[] table = Table.FLOATS;
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            int p = offset + 2 * k;
            out[k] = table[(data[p] & 0xff) | (data[p + 1] & 0xff) << 8];
        }
        return out;
    }

    /**
     * Every half float's value, made once on first use (256 KiB): a look-up per weight instead of the branches of
     * {@link #toFloat}, which were a quarter of the time spent loading Human's models.
     */
    private static final class Table {
        static final float[] FLOATS = new float[1 << 16];

        static {
            for (int bits = 0; bits < FLOATS.length; bits++) {
                FLOATS[bits] = toFloat(bits);
            }
        }
    }
}
