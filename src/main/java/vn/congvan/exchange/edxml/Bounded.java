package vn.congvan.exchange.edxml;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that count their bytes and stop at a bound. */
final class Bounded {

    private Bounded() {}

    /** Raised under the XML parser, which wraps it; {@link Input#exceeded()} tells it apart afterwards. */
    static final class LimitReached extends IOException {
        private static final long serialVersionUID = 1L;

        LimitReached(long limit) {
            super("More than " + limit + " bytes");
        }
    }

    /** The package as it arrives, refused past its bound. */
    static final class Input extends FilterInputStream {
        private final long limit;
        private long count;

        Input(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return count > limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (exceeded()) {
                throw new LimitReached(limit);
            }
        }
    }

    /** A decoded file, refused with the given refusal past its bound. */
    static final class Output extends FilterOutputStream {
        private final long limit;
        private final Runnable refusal;
        private long count;

        Output(OutputStream out, long limit, Runnable refusal) {
            super(out);
            this.limit = limit;
            this.refusal = refusal;
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            counted(1);
            out.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            counted(length);
            out.write(buffer, offset, length);
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                refusal.run();
            }
        }
    }
}
