package ai.human.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Float16Test {

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        "0000, 0.0",
        "3C00, 1.0",
        "BC00, -1.0",
        "C000, -2.0",
        "3555, 0.333251953125",
        "3800, 0.5",
        "7BFF, 65504.0",            // largest finite half
        "FBFF, -65504.0",
        "0400, 6.103515625E-5",     // smallest normal, 2^-14
        "03FF, 6.097555160522461E-5", // largest subnormal, 1023 * 2^-24
        "0001, 5.960464477539063E-8", // smallest subnormal, 2^-24
        "8001, -5.960464477539063E-8",
        "0200, 3.0517578125E-5",    // subnormal 2^-15
        "7C00, Infinity",
        "FC00, -Infinity",
    })
    void knownBitPatternsDecodeToTheirValues(String hex, double expected) {
        assertThat(Float16.toFloat(Integer.parseInt(hex, 16))).isEqualTo((float) expected);
    }

    @Test
    void signedZerosKeepTheirSign() {
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x0000))).isEqualTo(0x00000000);
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void nansStayNansWithTheirPayloadAndSign() {
        assertThat(Float16.toFloat(0x7E00)).isNaN();
        assertThat(Float16.toFloat(0x7C01)).isNaN();
        assertThat(Float16.toFloat(0xFFFF)).isNaN();
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x7E00))).isEqualTo(0x7FC00000);
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0x7C01))).isEqualTo(0x7F802000);
        assertThat(Float.floatToRawIntBits(Float16.toFloat(0xFE00))).isEqualTo(0xFFC00000);
    }

    @Test
    void everyFiniteHalfEqualsSignTimesMantissaTimesPowerOfTwo() {
        for (int bits = 0; bits < 0x10000; bits++) {
            int exponent = (bits >>> 10) & 0x1f;
            if (exponent == 0x1f) {
                continue;
            }
            int mantissa = bits & 0x3ff;
            double magnitude = exponent == 0
                    ? Math.scalb((double) mantissa, -24)
                    : Math.scalb(1024.0 + mantissa, exponent - 25);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
            float actual = Float16.toFloat(bits);
            assertThat((double) actual).as("0x%04X", bits).isEqualTo(expected);
            assertThat(actual < 0 || Float.floatToRawIntBits(actual) == 0x80000000).as("sign of 0x%04X", bits)
                    .isEqualTo((bits & 0x8000) != 0);
        }
    }

    @Test
    void decodesLittleEndianPairs() {
        byte[] data = {0x00, 0x3C, 0x00, (byte) 0xC0, 0x01, 0x00};
        assertThat(Float16.decode(data, 2, 2)).containsExactly(-2.0f, 5.960464477539063E-8f);
    }

    @Test
    void decodingGivesTheSameBitsAsToFloatForEveryPattern() {
        byte[] data = new byte[2 << 16];
        for (int bits = 0; bits < 1 << 16; bits++) {
            data[2 * bits] = (byte) bits;
            data[2 * bits + 1] = (byte) (bits >>> 8);
        }
        float[] decoded = Float16.decode(data, 0, 1 << 16);
        for (int bits = 0; bits < 1 << 16; bits++) {
            assertThat(Float.floatToRawIntBits(decoded[bits])).as("0x%04X", bits)
                    .isEqualTo(Float.floatToRawIntBits(Float16.toFloat(bits)));
        }
    }
}
