package io.edgefleet.driver.modbus.wire;

import com.digitalpetri.modbus.client.ModbusClient;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import io.netty.channel.ConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ModbusLink} on digitalpetri's Modbus client: Netty for TCP, jSerialComm for RTU.
 *
 * <p>The TCP transport is made non-persistent: when the connection drops it stays down until
 * {@link #connect()} is called again, so the session above decides when and how often to
 * reconnect (and knows the state it reports).
 */
public final class DigitalpetriLink implements ModbusLink {
    /** Slack on top of the library's own timeouts, so that its answer wins over ours. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private static final byte[] NOTHING = new byte[0];

    private final ModbusClient client;
    private final int unitId;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String description;

    private DigitalpetriLink(
            ModbusClient client, int unitId, Duration connectTimeout, Duration requestTimeout, String description) {
        this.client = client;
        this.unitId = unitId;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.description = description;
    }

    /** A link to the endpoint, not connected yet. */
    public static DigitalpetriLink to(Endpoint endpoint, Duration connectTimeout, Duration requestTimeout) {
        return switch (endpoint) {
            case TcpEndpoint tcp -> tcp(tcp, connectTimeout, requestTimeout);
            case SerialLine line -> rtu(line, connectTimeout, requestTimeout);
        };
    }

    /** A link to a Modbus TCP server; not connected yet. */
    public static DigitalpetriLink tcp(TcpEndpoint endpoint, Duration connectTimeout, Duration requestTimeout) {
        NettyTcpClientTransport transport = NettyTcpClientTransport.create(config -> {
            config.setHostname(endpoint.host());
            config.setPort(endpoint.port());
            config.setConnectTimeout(connectTimeout);
            config.setConnectPersistent(false);
        });
        ModbusTcpClient client = ModbusTcpClient.create(transport, config -> config.setRequestTimeout(requestTimeout));
        return new DigitalpetriLink(client, endpoint.unitId(), connectTimeout, requestTimeout, endpoint.toString());
    }

    /** A link over a serial line; the port is opened by {@link #connect()}. */
    public static DigitalpetriLink rtu(SerialLine line, Duration connectTimeout, Duration requestTimeout) {
        SerialPortClientTransport transport = SerialPortClientTransport.create(config -> {
            config.setSerialPort(line.port());
            config.setBaudRate(line.baud());
            config.setDataBits(line.dataBits());
            config.setParity(line.parity().code());
            config.setStopBits(line.stopBits().code());
        });
        ExceptionCodeKeeper keeper = new ExceptionCodeKeeper(transport);
        ModbusRtuClient client = ModbusRtuClient.create(keeper, config -> config.setRequestTimeout(requestTimeout));
        return new DigitalpetriLink(client, line.unitId(), connectTimeout, requestTimeout, line.toString());
    }

    @Override
    public Answer connect() {
        try {
            client.connectAsync().toCompletableFuture().get(wait(connectTimeout), TimeUnit.MILLISECONDS);
            return new Answer.Data(NOTHING);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException) {
                return new Answer.TimedOut(connectTimeout);
            }
            return new Answer.Lost(message(cause));
        } catch (TimeoutException e) {
            return new Answer.TimedOut(connectTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Lost("interrupted while connecting");
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void onConnectionLost(Runnable listener) {
        if (client.getTransport() instanceof NettyTcpClientTransport tcp) {
            tcp.addConnectionListener(new NettyTcpClientTransport.ConnectionListener() {
                @Override
                public void onConnection() {
                    // The session learns of a connection from its own connect() call.
                }

                @Override
                public void onConnectionLost() {
                    listener.run();
                }
            });
        }
    }

    @Override
    public Answer read(Table table, int address, int count) {
        ModbusRequestPdu request =
                switch (table) {
                    case HOLDING -> new ReadHoldingRegistersRequest(address, count);
                    case INPUT -> new ReadInputRegistersRequest(address, count);
                    case COIL -> new ReadCoilsRequest(address, count);
                    case DISCRETE_INPUT -> new ReadDiscreteInputsRequest(address, count);
                };
        Answer answer = send(request);
        int expected = table.isBits() ? (count + 7) / 8 : count * 2;
        if (answer instanceof Answer.Data(byte[] data) && data.length < expected) {
            return new Answer.Garbled("the answer to function " + table.readFunction() + " carries " + data.length
                    + " bytes, expected " + expected);
        }
        return answer;
    }

    @Override
    public Answer writeRegisters(int address, byte[] registers) {
        if (registers.length == 2) {
            return send(new WriteSingleRegisterRequest(address, (registers[0] & 0xFF) << 8 | registers[1] & 0xFF));
        }
        return send(new WriteMultipleRegistersRequest(address, registers.length / 2, registers.clone()));
    }

    @Override
    public Answer writeCoil(int address, boolean value) {
        return send(new WriteSingleCoilRequest(address, value));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            client.disconnectAsync().toCompletableFuture().get(wait(requestTimeout), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Closing: the transport is released either way, and nobody waits for its answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer send(ModbusRequestPdu request) {
        if (!client.isConnected()) {
            return new Answer.Lost("not connected to " + description);
        }
        try {
            ModbusResponsePdu response = client.sendAsync(unitId, request)
                    .toCompletableFuture()
                    .get(wait(requestTimeout), TimeUnit.MILLISECONDS);
            return new Answer.Data(payload(response));
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof ModbusResponseException refused) {
                return new Answer.DeviceException(refused.getFunctionCode(), exceptionCode(refused));
            }
            if (cause instanceof TimeoutException || cause instanceof ModbusTimeoutException) {
                return new Answer.TimedOut(requestTimeout);
            }
            return client.isConnected() ? new Answer.Garbled(message(cause)) : new Answer.Lost(message(cause));
        } catch (TimeoutException e) {
            return new Answer.TimedOut(requestTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Lost("interrupted while waiting for " + description);
        }
    }

    /** The exception code, repaired where the RTU client reports the function byte instead (see ExceptionCodeKeeper). */
    private int exceptionCode(ModbusResponseException refused) {
        int code = refused.getExceptionCode();
        if ((code < 0 || code >= 0x80) && client.getTransport() instanceof ExceptionCodeKeeper keeper) {
            return keeper.lastExceptionCode();
        }
        return code;
    }

    private static byte[] payload(ModbusResponsePdu response) {
        return switch (response) {
            case ReadHoldingRegistersResponse r -> r.registers();
            case ReadInputRegistersResponse r -> r.registers();
            case ReadCoilsResponse r -> r.coils();
            case ReadDiscreteInputsResponse r -> r.inputs();
            default -> NOTHING;
        };
    }

    private static long wait(Duration timeout) {
        return timeout.plus(GRACE).toMillis();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String message(Throwable cause) {
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
