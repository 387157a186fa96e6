package io.edgefleet.edge.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only permissions for the data directory (0700) and the store file (0600): the node's broker
 * password lives there. On file systems without POSIX permissions (Windows) the installer's ACLs
 * protect the directory instead, and these calls only create.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {}

    static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix(dir.toAbsolutePath().getRoot())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, DIR);
        }
    }

    /** Creates an empty file readable by its owner only, or tightens an existing one. */
    static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                if (posix(file.getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                // Created in between by someone else: tightened below like any existing file.
                LOG.debug("{} appeared while creating it", file);
            }
        }
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix(Path path) {
        return path != null
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
