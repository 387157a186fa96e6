package io.edgefleet.edge.workload;

import io.edgefleet.protocol.workload.Probe;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one probe once, blocking up to its timeout (callers run it off the decision thread). Exec:
 * the command in the workload's working directory and environment, exit 0 passes. Http: {@code GET
 * path} on 127.0.0.1 over a plain socket (no HTTP client: lighter on the edge), status 200-399
 * passes. Tcp: a connection to 127.0.0.1 passes.
 */
final class Probes {
    private Probes() {}

    static boolean check(Probe probe, WorkloadTemplate template, LogFiles files) {
        Duration timeout = Duration.ofSeconds(probe.timeoutSeconds());
        try {
            return switch (probe.type()) {
                case EXEC -> exec(probe, template, files, timeout);
                case HTTP -> http(probe.port(), probe.path(), timeout);
                case TCP -> tcp(probe.port(), timeout);
            };
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exec(Probe probe, WorkloadTemplate template, LogFiles files, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(probe.command())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (files.workDir().toFile().isDirectory()) {
            builder.directory(files.workDir().toFile());
        }
        builder.environment().putAll(template.env());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    static boolean http(int port, String path, Duration timeout) throws IOException {
        try (Socket socket = connect(port, timeout);
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
            out.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = in.readLine();
            if (status == null) {
                return false;
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return false;
            }
            try {
                int code = Integer.parseInt(parts[1]);
                return code >= 200 && code < 400;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private static boolean tcp(int port, Duration timeout) throws IOException {
        try (Socket socket = connect(port, timeout)) {
            return socket.isConnected();
        }
    }

    private static Socket connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
