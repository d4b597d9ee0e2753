package se.benefitledger.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers (a URI with an encoded NUL, slash or invalid UTF-8, headers above the
 * connector's limit) as problem+json instead of Tomcat's HTML page; installed on the host by
 * {@link ProblemErrorPages}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell it
        }
    }

    private static String json(int status) {
        var known = org.springframework.http.HttpStatus.resolve(status);
        var problem = ProblemErrorController.problem(known == null ? org.springframework.http.HttpStatus.BAD_REQUEST : known);
        return "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":" + status
                + ",\"detail\":\"" + problem.getDetail() + "\"}";
    }
}
