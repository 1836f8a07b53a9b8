package vn.congvan.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.LocalFileReader;

/**
 * Keeps contents under {@code ${congvan.data-dir}/blobs/ab/cd/<sha256>}, read-only once kept.
 * Staging files live under {@code blobs/incoming} so that keeping is an atomic rename on the same
 * file system, and a reader never sees a half-written content under its address.
 */
class FileSystemBlobStore implements BlobStore {

    private static final Pattern ADDRESS = Pattern.compile("^[0-9a-f]{64}$");

    private final Path root;
    private final StagingDirectory staging;
    private final PendingUploads pendingUploads;

    FileSystemBlobStore(CongVanProperties properties) {
        this.root = properties.dataDir().resolve("blobs").toAbsolutePath().normalize();
        this.staging = new StagingDirectory(root.resolve("incoming"));
        this.pendingUploads = new FileSystemPendingUploads(properties.dataDir().resolve("uploads"), this);
    }

    @Override
    public PendingUploads pendingUploads() {
        return pendingUploads;
    }

    @Override
    public Path newStagingFile() throws IOException {
        return staging.newFile();
    }

    @Override
    public void keep(Sha256 address, Path staged) throws IOException {
        Path target = pathOf(address);
        if (Files.exists(target)) {
            Files.delete(staged);
            return;
        }
        Files.createDirectories(target.getParent());
        if (!staged.toFile().setReadOnly()) {
            throw new IOException("Cannot make " + staged + " read-only");
        }
        try {
            // Another node or thread may keep the same content at the same moment: the rename
            // replaces a file with identical bytes, which no reader can tell apart.
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException keptMeanwhile) {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public InputStream open(Sha256 address) throws IOException {
        try {
            return Files.newInputStream(pathOf(address));
        } catch (NoSuchFileException e) {
            throw DomainException.notFound("storage.blob.not-found", address.hex());
        }
    }

    @Override
    public InputStream openAt(Sha256 address, long offset) throws IOException {
        try {
            FileChannel channel = FileChannel.open(pathOf(address), StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw DomainException.notFound("storage.blob.not-found", address.hex());
        }
    }

    @Override
    public void delete(Sha256 address) throws IOException {
        Files.deleteIfExists(pathOf(address));
    }

    @Override
    public <T> T withLocalFile(Sha256 address, LocalFileReader<T> reader) throws IOException {
        Path file = pathOf(address);
        if (!Files.isRegularFile(file)) {
            throw DomainException.notFound("storage.blob.not-found", address.hex());
        }
        return reader.read(file);
    }

    @Override
    public Stream<KeptContent> keptBefore(Instant instant) throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        // Three levels: ab/cd/<sha256>; staging files live in incoming/ and have other names.
        return Files.find(
                        root,
                        3,
                        (path, attributes) -> attributes.isRegularFile()
                                && ADDRESS.matcher(path.getFileName().toString())
                                        .matches()
                                && !path.startsWith(staging.directory())
                                && attributes.lastModifiedTime().toInstant().isBefore(instant))
                .map(path -> new KeptContent(new Sha256(path.getFileName().toString()), sizeOf(path)));
    }

    @Override
    public int dropStagingBefore(Instant instant) throws IOException {
        return staging.dropBefore(instant);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // Gone meanwhile (another node's sweep): nothing to list.
            return 0;
        }
    }

    /** The kept file of an address; {@link Sha256} admits hex digits only, so this stays under the root. */
    Path pathOf(Sha256 address) {
        String hex = address.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }
}
