package io.edgefleet.systemtest.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay that counts the bytes each way. Placed between an edge daemon and its broker it shows
 * what a node costs on the wire, with all MQTT framing included.
 */
public final class ByteCountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private ByteCountingProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static ByteCountingProxy start(String targetHost, int targetPort) {
        try {
            var proxy = new ByteCountingProxy(
                    new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetHost, targetPort);
            Thread.ofVirtual().name("proxy-accept").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Bytes sent by clients towards the target. */
    public long upstreamBytes() {
        return upstream.get();
    }

    public long downstreamBytes() {
        return downstream.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket target = new Socket(targetHost, targetPort);
                live.add(client);
                live.add(target);
                Thread.ofVirtual().start(() -> pump(client, target, upstream));
                Thread.ofVirtual().start(() -> pump(target, client, downstream));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Cuts the link as a WAN outage would: open connections drop, new ones are closed at once. */
    public void cut() {
        cut = true;
        live.forEach(ByteCountingProxy::closeQuietly);
        live.clear();
    }

    /** Ends the outage: new connections are relayed again. */
    public void restore() {
        cut = false;
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                counter.addAndGet(n);
            }
        } catch (IOException e) {
            // One side closed: closing both ends below ends the other pump too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
