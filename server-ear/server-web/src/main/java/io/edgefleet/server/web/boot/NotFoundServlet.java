package io.edgefleet.server.web.boot;

import io.edgefleet.server.problem.ProblemCode;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers every path outside the API (and Liberty's /health, /metrics, /openapi) with a 404
 * problem+json instead of the container's HTML page.
 */
@WebServlet(urlPatterns = "/")
public class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemCode code = ProblemCode.NOT_FOUND;
        response.setStatus(code.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"" + code.type() + "\",\"title\":\"" + code.title() + "\",\"status\":"
                        + code.status() + ",\"detail\":\"no resource at this path; the API is under /api/v1\","
                        + "\"code\":\"" + code.code() + "\",\"hint\":\"" + code.hint() + "\"}");
    }
}
