package io.edgefleet.edge.store;

import io.edgefleet.edge.EdgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The daemon's claim on its data directory: an exclusive OS file lock on {@code edge.lock}, held
 * while the daemon runs. It keeps a second daemon from writing the same store, and lets the {@code
 * status} command tell whether a daemon is running. The OS drops the lock when the process dies,
 * even by SIGKILL, so a stale file never blocks a restart.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = "edge.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait} (a {@code status} command may hold a shared lock for
     * a moment).
     */
    public static DataDirLock acquire(Path dataDir, Duration wait) {
        try {
            OwnerOnly.directory(dataDir);
            Path file = dataDir.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                FileLock lock = tryLock(channel, false);
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
                    channel.force(false);
                    return new DataDirLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    throw new EdgeException(
                            "daemon-running",
                            409,
                            EdgeException.EXIT_FAILURE,
                            "another edge daemon is running on " + dataDir + holderText(file),
                            "stop it first, or give this one its own data-dir");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock the data directory " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while locking " + dataDir, e);
        }
    }

    /** Whether a daemon (in this JVM or another process) holds the lock on {@code dataDir}. */
    public static boolean isHeld(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return false;
        }
        // A shared lock conflicts with the daemon's exclusive one and needs only read access.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = tryLock(channel, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // Cannot even read the lock file: assume nobody holds it rather than fail the status command.
            return false;
        }
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it (a daemon started in-process, as tests do).
            return null;
        }
    }

    private static String holderText(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the data directory lock", e);
        }
    }
}
