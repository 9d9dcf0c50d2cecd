package org.pmopulse.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * What every answer carries and what no request may do, at the edge of the web server: Tomcat's own refusals as
 * problems ({@link ProblemErrorReportValve}); security headers on every answer (no sniffing, no framing, a content
 * security policy the dashboard keeps to, and no caching of API answers, which hold project data); and no path
 * parameters ({@code ;x}), which the servlet container would silently cut off what was sent.
 */
@Configuration(proxyBeanMethods = false)
class WebEdges {
    /** Scripts, styles and data only from Pulse itself (an answer may narrow it, as the weekly report does). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final String ERROR_PAGE = "/error";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** First of all filters, before Spring Security's: its refusals carry the headers too. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> edgeFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                String uri = request.getRequestURI();
                if (uri.startsWith("/api/") || uri.startsWith("/actuator")) {
                    response.setHeader("Cache-Control", "no-store");
                }
                if (uri.equals(ERROR_PAGE)) { // the container's error page, never a resource of its own
                    ProblemResponses.write(response, HttpStatus.NOT_FOUND, "not-found", "Not found",
                            "no resource " + ERROR_PAGE, List.of(new FieldProblem("path", "no resource " + ERROR_PAGE)));
                    return;
                }
                if (uri.contains(";")) {
                    ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                            "path parameters (';') are not allowed: the part after ';' would be dropped unseen",
                            List.of(new FieldProblem("path", "contains ';'")));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
