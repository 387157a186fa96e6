package io.edgefleet.driver.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import java.net.InetAddress;
import java.util.function.Supplier;

/**
 * The in-process peer: a j2mod slave (another library than the driver's) serving {@link Plant}'s
 * registers as unit 1. Holding registers exist at 0..39 only, coils at 0..199, so a holding read at
 * a coil's address is answered with "illegal data address".
 */
final class J2modSlave implements AutoCloseable {
    private final Supplier<ModbusSlave> factory;
    private ModbusSlave slave;
    private SimpleProcessImage image;

    private J2modSlave(Supplier<ModbusSlave> factory) {
        this.factory = factory;
    }

    /** A TCP slave on 127.0.0.1:port, started. */
    static J2modSlave tcp(int port) {
        J2modSlave peer = new J2modSlave(() -> {
            try {
                return ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
            } catch (ModbusException e) {
                throw new IllegalStateException("cannot create a j2mod TCP slave on port " + port, e);
            }
        });
        peer.start();
        return peer;
    }

    /** An RTU slave on a serial port (a pty path), 9600 8N1, started. */
    static J2modSlave rtu(String port) {
        SerialParameters parameters = new SerialParameters();
        parameters.setPortName(port);
        parameters.setBaudRate(9600);
        parameters.setDatabits(8);
        parameters.setParity("None");
        parameters.setStopbits(1);
        parameters.setEncoding("rtu");
        J2modSlave peer = new J2modSlave(() -> {
            try {
                return ModbusSlaveFactory.createSerialSlave(parameters);
            } catch (ModbusException e) {
                throw new IllegalStateException("cannot create a j2mod RTU slave on " + port, e);
            }
        });
        peer.start();
        return peer;
    }

    /** Starts (again) with a fresh image: the values of {@link Plant}. */
    synchronized void start() {
        image = plantImage();
        slave = factory.get();
        slave.addProcessImage(1, image);
        try {
            slave.open();
        } catch (ModbusException e) {
            throw new IllegalStateException("the j2mod slave does not start: " + e.getMessage(), e);
        }
    }

    /** Stops listening and closes the connections it serves. */
    synchronized void stop() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    /** Puts the image back to {@link Plant}'s values. */
    synchronized void reset() {
        image = plantImage();
        if (slave != null) {
            slave.addProcessImage(1, image);
        }
    }

    synchronized SimpleProcessImage image() {
        return image;
    }

    @Override
    public void close() {
        stop();
    }

    private static SimpleProcessImage plantImage() {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 40; i++) {
            image.addRegister(new SimpleRegister(0));
        }
        image.setRegister(0, new SimpleRegister(1234));
        image.setRegister(1, new SimpleRegister(0xFFFE));
        image.setRegister(10, new SimpleRegister(0x41AC)); // 21.5f = 0x41AC0000
        image.setRegister(11, new SimpleRegister(0x0000));
        for (int i = 0; i < 20; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
        }
        image.setInputRegister(0, new SimpleInputRegister(7));
        image.setInputRegister(2, new SimpleInputRegister(0x0001)); // 70000 = 0x00011170
        image.setInputRegister(3, new SimpleInputRegister(0x1170));
        for (int i = 0; i < 200; i++) {
            image.addDigitalOut(new SimpleDigitalOut(i == 3));
        }
        for (int i = 0; i < 16; i++) {
            image.addDigitalIn(new SimpleDigitalIn(i == 1));
        }
        return image;
    }
}
