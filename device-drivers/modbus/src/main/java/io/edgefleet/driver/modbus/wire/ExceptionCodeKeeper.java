package io.edgefleet.driver.modbus.wire;

import com.digitalpetri.modbus.ModbusRtuFrame;
import com.digitalpetri.modbus.client.ModbusRtuClientTransport;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An RTU transport that remembers the exception code of the last exception response it received.
 *
 * <p>Works around digitalpetri modbus 2.1.4's {@code ModbusRtuClient}, which reports the function
 * byte (0x83 for function 3, seen as -125) instead of the exception code that follows it. A serial
 * line carries one request at a time, so the last exception frame is the one the failed request got.
 */
final class ExceptionCodeKeeper implements ModbusRtuClientTransport {
    /** Before any exception response. */
    static final int NONE = -1;

    private final ModbusRtuClientTransport delegate;
    private final AtomicInteger lastExceptionCode = new AtomicInteger(NONE);

    ExceptionCodeKeeper(ModbusRtuClientTransport delegate) {
        this.delegate = delegate;
    }

    /** The exception code of the last exception response, or {@link #NONE}. */
    int lastExceptionCode() {
        return lastExceptionCode.get();
    }

    @Override
    public void receive(Consumer<ModbusRtuFrame> frameReceiver) {
        delegate.receive(frame -> {
            int at = frame.pdu().position();
            if (frame.pdu().remaining() >= 2 && (frame.pdu().get(at) & 0x80) != 0) {
                lastExceptionCode.set(frame.pdu().get(at + 1) & 0xFF);
            }
            frameReceiver.accept(frame);
        });
    }

    @Override
    public void resetFrameParser() {
        delegate.resetFrameParser();
    }

    @Override
    public CompletionStage<Void> connect() {
        return delegate.connect();
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return delegate.disconnect();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public CompletionStage<Void> send(ModbusRtuFrame frame) {
        return delegate.send(frame);
    }
}
