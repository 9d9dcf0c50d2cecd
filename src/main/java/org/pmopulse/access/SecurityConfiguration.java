package org.pmopulse.access;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in, three ways, all through Spring Security: a password (HTTP Basic for tools, the sign-in page and a
 * session for the dashboard), a Pulse API token ({@code Authorization: Bearer pulse_...}), or a JWT from the
 * organisation's identity provider when {@code spring.security.oauth2.resourceserver.jwt.*} is set. Who may do
 * what is {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {
    private static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    /** A request Spring Security's firewall refuses (an encoded slash, a control character) is a 400 problem too. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "bad-request",
                "Bad request", "the request was refused: " + e.getMessage(),
                List.of(new FieldProblem("path", e.getMessage())));
    }

    @Bean
    SecurityFilterChain pulseSecurity(HttpSecurity http, UserStore users, PasswordEncoder encoder, TokenStore tokens,
                                      AccessProperties properties, ObjectProvider<JwtDecoder> jwtDecoder, Clock clock,
                                      Environment env) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        AuthenticationManager passwordSignIn = new ProviderManager(
                new LimitedPasswordSignIn(passwords, new SignInLimiter(properties.signIn(), clock)));

        JwtDecoder jwts = jwtDecoder.getIfAvailable();
        if (jwts != null && Binder.get(env).bind(AUDIENCES, Bindable.listOf(String.class)).orElse(List.of()).isEmpty()) {
            // a JWT the provider issued for another application must not open Pulse
            throw new IllegalStateException("JWT sign-in is configured without " + AUDIENCES
                    + ": set it to the audience your identity provider puts in Pulse's tokens");
        }
        List<AuthenticationProvider> bearer = new ArrayList<>(List.of(new ApiTokenSignIn(tokens, jwts != null)));
        if (jwts != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwts);
            jwt.setJwtAuthenticationConverter(new JwtCallers(properties.jwt()));
            bearer.add(new IdentityProviderSignIn(jwt));
        }
        AuthenticationManager bearerSignIn = new ProviderManager(bearer);

        SignInAnswers answers = new SignInAnswers();
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(AccessRules::isPageNavigation);
        http.authenticationManager(passwordSignIn)
                .authorizeHttpRequests(AccessRules::configure)
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(answers))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(request -> bearerSignIn)
                        .authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .addFilterAfter(new FreshSessions(users), SecurityContextHolderFilter.class)
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(AccessRules::needsCsrfToken))
                // caching is decided at the edge (WebEdges: API answers no-store, the page and its script cacheable)
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }
}
