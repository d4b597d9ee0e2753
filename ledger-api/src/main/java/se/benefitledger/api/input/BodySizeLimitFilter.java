package se.benefitledger.api.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.benefitledger.api.problem.Problems;
import se.benefitledger.api.web.CachedBodyRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body above {@code ledger.http.max-body} with 413, before anyone parses it: at
 * once when its {@code Content-Length} says so, else (a chunked body) as soon as the bytes read
 * pass the limit. A body within the limit is read here and served from memory to the rest of the
 * chain (which reads every POST body whole anyway, to hash it for idempotency).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final ObjectMapper json;

    BodySizeLimitFilter(HttpProperties properties, ObjectMapper json) {
        this.maxBody = properties.maxBody().toBytes();
        this.json = json;
    }

    /**
     * The console's forms are left to the servlet container, which bounds them itself (a form at
     * {@code server.tomcat.max-http-form-post-size}, an upload at {@code spring.servlet.multipart.*}) and must
     * read them as parameters: a body read here would hide them, the CSRF token included.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/console/")
                || request.getContentLengthLong() == 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBody);
        if (body == null) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The whole stream, or null when it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        var problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than the " + maxBody + " bytes this service accepts");
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }
}
