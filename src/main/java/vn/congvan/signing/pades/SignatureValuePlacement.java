package vn.congvan.signing.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Writes the signature value into the space a prepared PDF reserves for it, by the rule DSS uses:
 * the reserved space is the one {@code <} followed by at least as many {@code 0} as the value has
 * hexadecimal digits; the value's digits replace the first of those zeros, the others stay as
 * padding. DSS copies the file a byte at a time through synchronized streams (40 s for a gigabyte):
 * here it is copied in large blocks, scanned as it goes, and the value written at the place found.
 */
final class SignatureValuePlacement {

    private static final int BLOCK = 1 << 20;

    private final byte[] digits;

    SignatureValuePlacement(byte[] signatureValue) {
        this.digits = HexFormat.of().formatHex(signatureValue).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Copies the prepared PDF to {@code target} with the value in its reserved space; false, with
     * {@code target} left unspecified, when the PDF has no such space or more than one.
     */
    boolean place(InputStream prepared, Path target) throws IOException {
        OptionalLong at;
        try (OutputStream out = Files.newOutputStream(target)) {
            at = copyFindingTheSpace(prepared, out);
        }
        if (at.isEmpty()) {
            return false;
        }
        try (FileChannel file = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ByteBuffer value = ByteBuffer.wrap(digits);
            long position = at.getAsLong();
            while (value.hasRemaining()) {
                position += file.write(value, position);
            }
        }
        return true;
    }

    /** The offset of the first zero of the one reserved space, empty when there is none or more than one. */
    private OptionalLong copyFindingTheSpace(InputStream in, OutputStream out) throws IOException {
        byte[] block = new byte[BLOCK];
        long offset = 0;
        long found = -1;
        boolean afterOpening = false;
        int zeros = 0;
        for (int read; (read = in.read(block)) >= 0; ) {
            for (int i = 0; i < read; i++) {
                byte b = block[i];
                if (afterOpening && b == '0') {
                    if (++zeros == digits.length) {
                        if (found >= 0) {
                            return OptionalLong.empty();
                        }
                        found = offset + i - zeros + 1;
                        afterOpening = false;
                    }
                } else {
                    afterOpening = b == '<';
                    zeros = 0;
                }
            }
            out.write(block, 0, read);
            offset += read;
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
