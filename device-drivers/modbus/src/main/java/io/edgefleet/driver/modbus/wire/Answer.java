package io.edgefleet.driver.modbus.wire;

import java.time.Duration;
import java.util.Objects;

/** How a unit answered one request. Every outcome is a value; a {@link ModbusLink} never throws. */
public sealed interface Answer {

    /**
     * The unit answered normally.
     *
     * @param data register bytes as they travelled (2 per register), or bits packed 8 per byte with
     *     the first address in the lowest bit; empty for writes and connects
     */
    record Data(byte[] data) implements Answer {
        public Data {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** One bit of a coil or discrete-input answer. */
        public boolean bit(int index) {
            return (data[index / 8] >> (index % 8) & 1) == 1;
        }
    }

    /**
     * The unit answered with a Modbus exception response.
     *
     * @param function the function code of the request
     * @param exceptionCode the exception code: 1 illegal function, 2 illegal data address, 3 illegal
     *     data value, 4 device failure, …
     */
    record DeviceException(int function, int exceptionCode) implements Answer {
        /** {@code exception 2 (illegal data address) to function 3}. */
        public String describe() {
            return "exception " + exceptionCode + " (" + name(exceptionCode) + ") to function " + function;
        }

        private static String name(int code) {
            return switch (code) {
                case 1 -> "illegal function";
                case 2 -> "illegal data address";
                case 3 -> "illegal data value";
                case 4 -> "server device failure";
                case 5 -> "acknowledge";
                case 6 -> "server device busy";
                case 8 -> "memory parity error";
                case 10 -> "gateway path unavailable";
                case 11 -> "gateway target device failed to respond";
                default -> "unknown exception code";
            };
        }
    }

    /** No answer within the request (or connect) timeout; the connection may still be up. */
    record TimedOut(Duration after) implements Answer {
        public TimedOut {
            Objects.requireNonNull(after, "after");
        }
    }

    /** The connection is gone, or could not be made: reconnect before the next request. */
    record Lost(String reason) implements Answer {
        public Lost {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An answer that makes no sense (wrong length, wrong function) on a connection that is still up. */
    record Garbled(String reason) implements Answer {
        public Garbled {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
