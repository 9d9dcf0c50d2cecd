package org.pmopulse.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.Set;
import java.util.function.BiPredicate;

import static org.pmopulse.access.Role.ADMIN;
import static org.pmopulse.access.Role.COACH;
import static org.pmopulse.access.Role.PMO_LEAD;
import static org.pmopulse.access.Role.PROJECT_MANAGER;

/**
 * Who may call what: one table for the whole API (the README's roles table says the same, and the access matrix
 * test checks every endpoint against it). An {@code /api} path not named here is refused, so a new endpoint is
 * closed until someone decides who may use it. Lists are filtered to the caller's projects by the services.
 */
final class AccessRules {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private AccessRules() {
    }

    static void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers("/login", "/app.css", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                .requestMatchers("/api/users", "/api/users/**", "/api/tokens", "/api/tokens/**").access(wholly(ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/audit").access(wholly(ADMIN, PMO_LEAD))
                .requestMatchers(HttpMethod.DELETE, "/api/projects/**").access(wholly(ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/projects/{projectId}", "/api/projects/{projectId}/**")
                .access(project(Caller::reads))
                .requestMatchers(HttpMethod.PUT, "/api/projects/{projectId}/snapshots/*").access(project(Caller::writes))
                .requestMatchers(HttpMethod.GET, "/api/projects", "/api/portfolio", "/api/portfolio/**")
                .hasAnyRole(PMO_LEAD.name(), PROJECT_MANAGER.name(), ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/portfolio/assessments", "/api/jobs/*/resume").access(wholly(PMO_LEAD))
                .requestMatchers(HttpMethod.GET, "/api/jobs/*").access(wholly(PMO_LEAD, COACH))
                .requestMatchers(HttpMethod.POST, "/api/snapshots", "/api/imports/protrack").hasRole(PROJECT_MANAGER.name())
                .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/status").authenticated()
                .requestMatchers("/api/rules/**").access(wholly(COACH))
                .requestMatchers("/api/**").denyAll()
                .anyRequest().authenticated(); // the dashboard's page and script
    }

    /**
     * Allows a caller with one of the roles who is not limited to some projects: what these endpoints do reaches
     * every project (users, tokens, deletions, the batch, the audit trail, rules), so a token limited to projects
     * may not use them whatever its role.
     */
    private static AuthorizationManager<RequestAuthorizationContext> wholly(Role... roles) {
        return (authentication, context) -> new AuthorizationDecision(Caller.from(authentication.get())
                .map(c -> c.limitedTo() == null && Arrays.stream(roles).anyMatch(c::has)).orElse(false));
    }

    /** Allows the request when the caller may do {@code what} to the project named in its path. */
    private static AuthorizationManager<RequestAuthorizationContext> project(BiPredicate<Caller, String> what) {
        return (authentication, context) -> new AuthorizationDecision(Caller.from(authentication.get())
                .map(c -> what.test(c, context.getVariables().get("projectId"))).orElse(false));
    }

    /**
     * Whether a request could carry a browser's ambient credentials and so needs the CSRF token: a change sent
     * with a session cookie, any change a browser marks cross-site, and the sign-in form itself. A change that
     * comes with neither carries its own credentials (a tool's Basic or Bearer header): Pulse never asks a browser
     * for Basic credentials ({@link SignInAnswers}), so a browser has none cached to add by itself.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if ("/login".equals(request.getServletPath()) || "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        return request.getRequestedSessionId() != null;
    }

    /** Sent by the dashboard's script with every call, so a lapsed session does not open a browser's Basic prompt. */
    static final String DASHBOARD_HEADER = "X-Requested-With";

    /** A person's browser opening a page (not a script's or a tool's call): sent to the sign-in page when needed. */
    static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && request.getHeader("Authorization") == null && request.getHeader(DASHBOARD_HEADER) == null;
    }

    /** Whether a browser sent the request (they all mark their requests with Sec-Fetch-Mode; tools do not). */
    static boolean fromABrowser(HttpServletRequest request) {
        return request.getHeader(DASHBOARD_HEADER) != null || request.getHeader("Sec-Fetch-Mode") != null;
    }
}
