package org.pmopulse.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Turns a verified JWT from the organisation's identity provider into a {@link Caller}, as configured. */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final AccessProperties.Jwt mapping;

    JwtCallers(AccessProperties.Jwt mapping) {
        this.mapping = mapping;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(mapping.nameClaim());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(claim(jwt.getClaims(), mapping.rolesClaim()))) {
            Role role = mapping.roleValues().get(value); // only what the configuration maps: a provider's own "ADMIN" is not Pulse's
            if (role != null) {
                roles.add(role);
            }
        }
        Set<String> projects = strings(claim(jwt.getClaims(), mapping.projectsClaim()));
        return new CallerAuthentication(new Caller(name != null ? name : jwt.getSubject(), roles, projects, null,
                Caller.Via.JWT));
    }

    /** A claim by its dotted path. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Set<String> strings(Object value) {
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> strings.add(String.valueOf(v)));
        } else if (value instanceof String one) {
            strings.addAll(Arrays.asList(one.split("[\\s,]+")));
        }
        return strings;
    }

}
