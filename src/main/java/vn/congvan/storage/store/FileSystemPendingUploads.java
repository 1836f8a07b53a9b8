package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.congvan.shared.DomainException;

/**
 * Unfinished uploads as one file each under {@code ${congvan.data-dir}/uploads}, on the same file
 * system as the kept contents, so that a complete upload is kept by a rename, not a copy. Only the
 * node whose disk holds the file can continue an upload.
 */
final class FileSystemPendingUploads implements PendingUploads {

    private static final Pattern PART = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.part$");

    private final Path root;
    private final BlobStore contents;

    FileSystemPendingUploads(Path root, BlobStore contents) {
        this.root = root.toAbsolutePath().normalize();
        this.contents = contents;
    }

    @Override
    public long pieceSize(long length) {
        return 0;
    }

    @Override
    public void begin(UUID upload) throws IOException {
        Files.createDirectories(root);
        Path part = fileOf(upload);
        Files.deleteIfExists(part);
        Files.createFile(part);
    }

    @Override
    public Appending appendAt(PendingUpload upload, long offset, UUID writer) throws IOException {
        Path part = fileOf(upload.id());
        if (!Files.isRegularFile(part) || Files.size(part) < offset) {
            // Its bytes are on another node's disk, or were lost with it.
            throw DomainException.conflict("storage.upload.not-here");
        }
        FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE);
        try {
            out.truncate(offset);
            out.position(offset);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new FileAppending(out, offset);
    }

    @Override
    public InputStream read(PendingUpload upload) throws IOException {
        return Files.newInputStream(fileOf(upload.id()));
    }

    @Override
    public void keep(PendingUpload upload, Sha256 address) throws IOException {
        contents.keep(address, fileOf(upload.id()));
    }

    @Override
    public void drop(UUID upload) throws IOException {
        Files.deleteIfExists(fileOf(upload));
    }

    @Override
    public List<UUID> untouchedSince(Instant instant, int limit) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<UUID> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (found.size() < limit
                        && PART.matcher(name).matches()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(instant)) {
                    found.add(UUID.fromString(name.substring(0, name.length() - ".part".length())));
                }
            }
        }
        return found;
    }

    /** The file of an upload; a UUID names it, so it stays under the root. */
    private Path fileOf(UUID upload) {
        return root.resolve(upload + ".part");
    }

    private static final class FileAppending implements Appending {

        private final FileChannel out;
        private long checkpoint;

        FileAppending(FileChannel out, long offset) {
            this.out = out;
            this.checkpoint = offset;
        }

        @Override
        public void write(byte[] bytes, int from, int count) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, from, count);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }

        @Override
        public long checkpoint() throws IOException {
            out.force(false);
            checkpoint = out.position();
            return checkpoint;
        }

        @Override
        public long finish() throws IOException {
            return checkpoint();
        }

        @Override
        public void discard() throws IOException {
            out.truncate(checkpoint);
            out.position(checkpoint);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
