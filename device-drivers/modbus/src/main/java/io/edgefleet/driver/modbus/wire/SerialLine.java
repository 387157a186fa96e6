package io.edgefleet.driver.modbus.wire;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A serial line to a Modbus RTU unit.
 *
 * @param port the device path ({@code /dev/ttyUSB0}, {@code COM3}, a pty link)
 * @param baud bits per second
 * @param dataBits 5 to 8; Modbus RTU uses 8
 * @param parity parity bit
 * @param stopBits stop bits
 * @param unitId the slave address (1-247)
 */
public record SerialLine(String port, int baud, int dataBits, Parity parity, StopBits stopBits, int unitId)
        implements Endpoint {
    public SerialLine {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
    }

    @Override
    public String toString() {
        return port + " " + baud + " " + dataBits + parity.key().substring(0, 1).toUpperCase(Locale.ROOT)
                + stopBits.key() + " unit " + unitId;
    }

    /** The parity setting, by its config key. */
    public enum Parity {
        NONE("none", SerialPort.NO_PARITY),
        EVEN("even", SerialPort.EVEN_PARITY),
        ODD("odd", SerialPort.ODD_PARITY),
        MARK("mark", SerialPort.MARK_PARITY),
        SPACE("space", SerialPort.SPACE_PARITY);

        private final String key;
        private final int code;

        Parity(String key, int code) {
            this.key = key;
            this.code = code;
        }

        public String key() {
            return key;
        }

        int code() {
            return code;
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(Parity::key).toList();
        }

        public static Parity ofKey(String key) {
            return Arrays.stream(values())
                    .filter(p -> p.key.equals(key))
                    .findFirst()
                    .orElse(NONE);
        }
    }

    /** The number of stop bits, by its config key. */
    public enum StopBits {
        ONE("1", SerialPort.ONE_STOP_BIT),
        ONE_AND_A_HALF("1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS),
        TWO("2", SerialPort.TWO_STOP_BITS);

        private final String key;
        private final int code;

        StopBits(String key, int code) {
            this.key = key;
            this.code = code;
        }

        public String key() {
            return key;
        }

        int code() {
            return code;
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(StopBits::key).toList();
        }

        public static StopBits ofKey(String key) {
            return Arrays.stream(values())
                    .filter(s -> s.key.equals(key))
                    .findFirst()
                    .orElse(ONE);
        }
    }
}
