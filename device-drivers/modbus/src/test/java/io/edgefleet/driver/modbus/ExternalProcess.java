package io.edgefleet.driver.modbus;

import io.edgefleet.testsupport.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A peer in a process of its own (pymodbus, socat), started from a command and stopped through its
 * own PID only. Output goes to a log file for the failure message.
 */
final class ExternalProcess implements AutoCloseable {
    private final List<String> command;
    private final Path log;
    private final BooleanSupplier ready;
    private Process process;

    private ExternalProcess(List<String> command, Path log, BooleanSupplier ready) {
        this.command = List.copyOf(command);
        this.log = log;
        this.ready = ready;
    }

    /** Starts {@code command} and waits (up to 20 s) until {@code ready} holds. */
    static ExternalProcess start(List<String> command, Path log, BooleanSupplier ready) {
        ExternalProcess peer = new ExternalProcess(command, log, ready);
        peer.start();
        return peer;
    }

    /** Starts the same command again and waits until it is ready; nothing while it runs. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Process started = process;
        Wait.until(command.getFirst() + " to be ready (log: " + log + ")", Duration.ofSeconds(20), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(command + " exited with " + started.exitValue() + "; see " + log);
            }
            return ready.getAsBoolean();
        });
    }

    /** SIGTERM, then SIGKILL after 5 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
