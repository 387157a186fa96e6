package io.edgefleet.driver.modbus.wire;

/**
 * One connection to one Modbus unit (a TCP server and unit id, or a serial line and slave
 * address). Each call sends one request and waits at most the request timeout the link was made
 * with; failures are {@link Answer}s, never exceptions. A link is used by one thread at a time,
 * except {@link #isConnected()} and {@link #close()}.
 */
public interface ModbusLink extends AutoCloseable {

    /**
     * Connects (or reconnects) within the connect timeout: {@link Answer.Data} (empty) when
     * connected, {@link Answer.TimedOut} or {@link Answer.Lost} with the reason otherwise.
     */
    Answer connect();

    /** Whether the transport is up (TCP connected, serial port open). */
    boolean isConnected();

    /**
     * Called, on a library thread, when an established connection drops by itself. Serial lines
     * have no such signal: their loss shows as failed requests.
     */
    void onConnectionLost(Runnable listener);

    /** Reads {@code count} registers or bits of {@code table} starting at {@code address}. */
    Answer read(Table table, int address, int count);

    /**
     * Writes holding registers: function 6 for one register, 16 for several.
     *
     * @param registers the register bytes in the order they travel, 2 per register
     */
    Answer writeRegisters(int address, byte[] registers);

    /** Writes one coil with function 5. */
    Answer writeCoil(int address, boolean value);

    /** Where the link goes, for messages: {@code 10.0.0.5:502 unit 1}. No secrets. */
    String describe();

    /** Disconnects; idempotent, never throws, bounded by the request timeout. */
    @Override
    void close();
}
