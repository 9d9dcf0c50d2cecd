package org.pmopulse.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.List;

/**
 * How Pulse answers a request it will not serve: 401 with a problem body when the caller has not signed in (or
 * their credentials were refused), 429 after too many failed sign-ins, 403 when their role or projects do not
 * allow it; a person's browser is sent to the sign-in page instead.
 */
final class SignInAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof TooManySignInsException tooMany) {
            response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many sign-ins",
                    e.getMessage(), List.of(new FieldProblem("Authorization", e.getMessage())));
            return;
        }
        if (e instanceof IdentityProviderSignIn.Unavailable) {
            response.setHeader("Retry-After", "60");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable",
                    "Sign-in unavailable", e.getMessage(), List.of(new FieldProblem("Authorization", e.getMessage())));
            return;
        }
        if (AccessRules.isPageNavigation(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        // no Basic challenge to a browser: it would open its own prompt, then add the password it cached to any
        // request to Pulse, even one another site makes it send
        response.setHeader("WWW-Authenticate", AccessRules.fromABrowser(request)
                ? "Bearer realm=\"Pulse\"" : "Basic realm=\"Pulse\", Bearer realm=\"Pulse\"");
        String detail = e instanceof InsufficientAuthenticationException
                ? "sign in: HTTP Basic with your user name and password, or Authorization: Bearer with an API token or a JWT"
                : "the credentials were refused: " + e.getMessage();
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", detail,
                List.of(new FieldProblem("Authorization", detail)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "the CSRF token is missing or wrong: reload the page and try again"
                : "your roles or projects do not allow " + request.getMethod() + " " + request.getRequestURI();
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail,
                List.of(new FieldProblem(e instanceof CsrfException ? "X-XSRF-TOKEN" : "Authorization", detail)));
    }

    /** The sign-in page's failures: back to the page, saying why. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        response.sendRedirect(request.getContextPath() + (e instanceof TooManySignInsException ? "/login?locked" : "/login?error"));
    }
}
