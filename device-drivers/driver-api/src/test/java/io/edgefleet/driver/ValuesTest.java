package io.edgefleet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTest {
    private static final PropertyBinding SPEED = new PropertyBinding(
            "speed", PropertyType.DOUBLE, AccessMode.READ_WRITE, Map.of(), ValueConstraints.between(0, 1500));
    private static final PropertyBinding COUNT = new PropertyBinding(
            "count", PropertyType.INT, AccessMode.READ_WRITE, Map.of(), ValueConstraints.between(-10, 10));
    private static final PropertyBinding MODE = new PropertyBinding(
            "mode", PropertyType.ENUM, AccessMode.READ_WRITE, Map.of(), ValueConstraints.symbols("auto", "manual"));
    private static final PropertyBinding GAIN = new PropertyBinding(
            "gain", PropertyType.FLOAT, AccessMode.READ_WRITE, Map.of(), ValueConstraints.between(0, 0.5));

    static Stream<Arguments> goodText() {
        return Stream.of(
                Arguments.of(PropertyType.INT, " -42 ", TypedValue.of(-42L)),
                Arguments.of(PropertyType.INT, "+7", TypedValue.of(7L)),
                Arguments.of(PropertyType.INT, "9223372036854775807", TypedValue.of(Long.MAX_VALUE)),
                Arguments.of(PropertyType.FLOAT, "0.1", TypedValue.of(0.1f)),
                Arguments.of(PropertyType.DOUBLE, "1e3", TypedValue.of(1000.0)),
                Arguments.of(PropertyType.DOUBLE, "-.5", TypedValue.of(-0.5)),
                Arguments.of(PropertyType.BOOL, "TRUE", TypedValue.of(true)),
                Arguments.of(PropertyType.BOOL, "false", TypedValue.of(false)),
                Arguments.of(PropertyType.STRING, " as is ", TypedValue.of(" as is ")),
                Arguments.of(PropertyType.ENUM, " auto ", TypedValue.symbol("auto")));
    }

    @ParameterizedTest
    @MethodSource("goodText")
    void textOfTheTypeParses(PropertyType type, String text, TypedValue expected) {
        assertThat(Values.parse(type, text)).isEqualTo(new Conversion.Converted(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "INT, 1.5",
        "INT, 0x10",
        "INT, twelve",
        "INT, ''",
        "FLOAT, NaN",
        "DOUBLE, Infinity",
        "DOUBLE, 1d",
        "DOUBLE, 0x1p3",
        "DOUBLE, 1e99999999999",
        "BOOL, yes",
        "BOOL, 1",
        "ENUM, '   '"
    })
    void textThatIsNotOfTheTypeIsInvalidFormat(PropertyType type, String text) {
        assertThat(Values.parse(type, text))
                .isInstanceOfSatisfying(Conversion.Failed.class, failed -> assertThat(failed.code())
                        .isEqualTo(Conversion.Failed.INVALID_FORMAT));
    }

    @ParameterizedTest
    @CsvSource({"INT, 9223372036854775808", "INT, -9223372036854775809", "FLOAT, 1e39", "DOUBLE, -1e309"})
    void numberBeyondTheTypeIsOutOfRange(PropertyType type, String text) {
        assertThat(Values.parse(type, text))
                .isInstanceOfSatisfying(Conversion.Failed.class, failed -> assertThat(failed.code())
                        .isEqualTo(Conversion.Failed.OUT_OF_RANGE));
    }

    @Test
    void canonicalTextParsesBackToAnEqualValue() {
        Stream.of(
                        TypedValue.of(Long.MIN_VALUE),
                        TypedValue.of(3.4028235e38f),
                        TypedValue.of(1.0e-300),
                        TypedValue.of(-0.1),
                        TypedValue.of(true),
                        TypedValue.of("x"),
                        TypedValue.symbol("manual"))
                .forEach(value -> assertThat(Values.parse(value.type(), value.asText()))
                        .isEqualTo(new Conversion.Converted(value)));
    }

    @Test
    void propertyTextIsCheckedAgainstItsRange() {
        assertThat(Values.parse(SPEED, "1500")).isEqualTo(new Conversion.Converted(TypedValue.of(1500.0)));
        assertThat(Values.parse(SPEED, "1500.01")).isInstanceOfSatisfying(Conversion.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(Conversion.Failed.OUT_OF_RANGE);
            assertThat(failed.reason()).contains("speed", "[0.0, 1500.0]");
        });
        assertThat(Values.parse(SPEED, "fast")).isInstanceOfSatisfying(Conversion.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(Conversion.Failed.INVALID_FORMAT);
            assertThat(failed.reason()).startsWith("property 'speed': ");
        });
    }

    @Test
    void floatBoundsCompareAsTheDecimalAPersonReads() {
        assertThat(Values.check(GAIN, TypedValue.of(0.5f))).isInstanceOf(Conversion.Converted.class);
        assertThat(Values.check(GAIN, TypedValue.of(0.50001f))).isInstanceOf(Conversion.Failed.class);
    }

    @Test
    void checkRefusesAnotherTypeInsteadOfCasting() {
        assertThat(Values.check(SPEED, TypedValue.of(10L)))
                .isEqualTo(new Conversion.Failed(
                        Conversion.Failed.WRONG_TYPE, "property 'speed' is DOUBLE, got a INT value"));
    }

    @Test
    void enumSymbolOutsideTheModelIsOutOfRange() {
        assertThat(Values.check(MODE, TypedValue.symbol("turbo")))
                .isInstanceOfSatisfying(Conversion.Failed.class, failed -> {
                    assertThat(failed.code()).isEqualTo(Conversion.Failed.OUT_OF_RANGE);
                    assertThat(failed.reason()).contains("one of [auto, manual]");
                });
    }

    @Test
    void coercionConvertsOnlyWithoutLoss() {
        assertThat(Values.coerce(SPEED, TypedValue.of(12L))).isEqualTo(new Conversion.Converted(TypedValue.of(12.0)));
        assertThat(Values.coerce(COUNT, TypedValue.of(4.0))).isEqualTo(new Conversion.Converted(TypedValue.of(4L)));
        assertThat(Values.coerce(SPEED, TypedValue.of(0.1f))).isEqualTo(new Conversion.Converted(TypedValue.of(0.1)));
        assertThat(Values.coerce(GAIN, TypedValue.of(0.25))).isEqualTo(new Conversion.Converted(TypedValue.of(0.25f)));
        assertThat(Values.coerce(MODE, TypedValue.of("manual")))
                .isEqualTo(new Conversion.Converted(TypedValue.symbol("manual")));

        assertThat(Values.coerce(COUNT, TypedValue.of(4.5)))
                .extracting(ValuesTest::codeOf)
                .isEqualTo("wrong-type");
        assertThat(Values.coerce(SPEED, TypedValue.of((1L << 53) + 1)))
                .extracting(ValuesTest::codeOf)
                .isEqualTo("wrong-type");
        assertThat(Values.coerce(COUNT, TypedValue.of(true)))
                .extracting(ValuesTest::codeOf)
                .isEqualTo("wrong-type");
        assertThat(Values.coerce(SPEED, TypedValue.of("12")))
                .extracting(ValuesTest::codeOf)
                .isEqualTo("wrong-type");
    }

    @Test
    void coercedValueIsStillRangeChecked() {
        assertThat(Values.coerce(COUNT, TypedValue.of(11.0)))
                .extracting(ValuesTest::codeOf)
                .isEqualTo("out-of-range");
    }

    @Test
    void failedConversionThrowsOnlyWhenAsked() {
        Conversion failed = Values.parse(COUNT, "99");

        assertThatThrownBy(failed::orElseThrow).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.code()).isEqualTo(DriverException.INVALID_VALUE);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("count", "99");
        });
    }

    @Test
    void numbersAreFinite() {
        assertThatThrownBy(() -> TypedValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypedValue.of(Float.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String codeOf(Conversion conversion) {
        return conversion instanceof Conversion.Failed failed ? failed.code() : "converted";
    }
}
