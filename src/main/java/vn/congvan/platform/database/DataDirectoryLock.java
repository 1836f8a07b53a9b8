package vn.congvan.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a running CongVan holds on the embedded database's directory. The operating system
 * releases it when the process ends, however it ends: whoever takes it knows that no live CongVan
 * uses the database, so a PostgreSQL server still running there was left by a dead one.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String NAME = "pgdata.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}, or fails when another running CongVan holds it. */
    static DataDirectoryLock take(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Another CongVan is running on the data directory " + dataDir + " (it holds " + file
                    + "): stop it first");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
