package org.pmopulse.assessment;

import org.pmopulse.forecast.Forecaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The assessor: rules, scoring, advice and the forecast of one snapshot. */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    Assessor assessor(Forecaster forecaster, Clock clock) {
        return new Assessor(forecaster, clock);
    }
}
