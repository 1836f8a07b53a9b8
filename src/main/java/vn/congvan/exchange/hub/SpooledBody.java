package vn.congvan.exchange.hub;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of an axis request, streamed to a temporary file while its SHA-256 was computed: the
 * handler reads it from there, never from memory. The file is deleted when the request ends.
 */
record SpooledBody(Path file, long size, String sha256) {

    static final String ATTRIBUTE = SpooledBody.class.getName();

    static SpooledBody of(HttpServletRequest request) {
        Object body = request.getAttribute(ATTRIBUTE);
        if (!(body instanceof SpooledBody spooled)) {
            throw new IllegalStateException("An axis request reached its handler without the axis authentication");
        }
        return spooled;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /** The request as its handler sees it: the body read again from the file. */
    HttpServletRequest wrap(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                InputStream in = open();
                return new ServletInputStream() {
                    private boolean finished;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        finished = b < 0;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        finished = n < 0;
                        return n;
                    }

                    @Override
                    public void close() throws IOException {
                        in.close();
                    }

                    @Override
                    public boolean isFinished() {
                        return finished;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("The spooled body of an axis request is read blocking");
                    }
                };
            }

            @Override
            public BufferedReader getReader() throws IOException {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }

            @Override
            public int getContentLength() {
                return size > Integer.MAX_VALUE ? -1 : (int) size;
            }

            @Override
            public long getContentLengthLong() {
                return size;
            }
        };
    }
}
