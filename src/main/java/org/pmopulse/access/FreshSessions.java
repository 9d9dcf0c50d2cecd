package org.pmopulse.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A signed-in user as stored now, on every request: a user disabled or removed (through the API, the command line
 * or another instance), or whose password was changed, loses the dashboard session at once; changed roles or
 * projects apply at once.
 */
final class FreshSessions extends OncePerRequestFilter {
    private final UserStore users;

    FreshSessions(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser session) {
            Optional<PulseUser> now = users.find(session.getUsername()).filter(PulseUser::enabled);
            if (now.isEmpty() || !session.samePassword(now.get())) {
                SecurityContextHolder.clearContext();
                HttpSession http = request.getSession(false);
                if (http != null) {
                    http.invalidate();
                }
            } else if (!session.caller().equals(now.get().caller(Caller.Via.PASSWORD))) {
                SignedInUser fresh = new SignedInUser(now.get());
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
            }
        }
        chain.doFilter(request, response);
    }
}
