package vn.congvan.exchange.edxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes base64 text as it arrives in pieces, chunk by chunk, into a stream: the whole never sits
 * in memory. Line breaks and spaces are skipped; anything else not base64, text after the padding
 * and a text whose length is not a multiple of four (a truncated one) are refused.
 */
final class Base64Decoding {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final String contentId;
    private final byte[] pending = new byte[CHUNK];
    private int size;
    private boolean padded;

    Base64Decoding(OutputStream out, String contentId) {
        this.out = out;
        this.contentId = contentId;
    }

    void append(char[] text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (padded || c > 127) {
                throw Refusals.base64(contentId);
            }
            pending[size++] = (byte) c;
            if (size == CHUNK) {
                decodePending();
            }
        }
    }

    /** Decodes what is left; refuses a text cut short. */
    void finish() throws IOException {
        if (size % 4 != 0) {
            throw Refusals.base64(contentId);
        }
        decodePending();
    }

    private void decodePending() throws IOException {
        int whole = size - size % 4;
        if (whole == 0) {
            return;
        }
        try {
            out.write(Base64.getDecoder().decode(Arrays.copyOf(pending, whole)));
        } catch (IllegalArgumentException e) {
            throw Refusals.base64(contentId);
        }
        padded = pending[whole - 1] == '=';
        System.arraycopy(pending, whole, pending, 0, size - whole);
        size -= whole;
    }
}
