package nl.startpakket.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit with 413 problem+json: at once when the declared
 * {@code Content-Length} is too large, and while reading when a body without a length grows past
 * it, so a huge or endless body never reaches a parser. Upload paths (a service's file imports)
 * have a limit of their own.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final List<String> uploadPaths;
    private final long uploadMaxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this(maxBytes, List.of(), maxBytes);
    }

    /** @param uploadPaths paths (and what lies below them) that take bodies up to {@code uploadMaxBytes} */
    public RequestBodyLimitFilter(long maxBytes, List<String> uploadPaths, long uploadMaxBytes) {
        this.defaultMaxBytes = maxBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
        this.uploadMaxBytes = uploadMaxBytes;
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String upload : uploadPaths) {
            if (path.equals(upload) || path.startsWith(upload + "/")) {
                return uploadMaxBytes;
            }
        }
        return defaultMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        if (request.getContentLengthLong() > maxBytes) {
            ProblemSecurityHandlers.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "The body may be at most " + maxBytes + " bytes.", request);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown while reading a body that grows past the limit. */
    public static class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long maxBytes) {
            super("The body may be at most " + maxBytes + " bytes.");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
