package org.pmopulse.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import java.util.Map;

/** What users and tokens need in the server and in the command line alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration {
    /**
     * Spring Security's delegating encoder: bcrypt today, stored under an {@code {id}} prefix, so a stronger scheme
     * can take over without resets (PBKDF2 hashes are read too). Its cost is {@code pulse.security.bcrypt-strength}.
     */
    @Bean
    PasswordEncoder passwordEncoder(AccessProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength()),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
