package org.pmopulse.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * The named loggers log errors on purpose in this test class (a broken rule set it sends, a server it starts
 * twice): they are silenced while it runs, so that an ERROR in the build's output is always news. Set on the
 * logger for plain tests, and as {@code logging.level.NAME=OFF} for the Pulse instances the class starts (Spring
 * resets the levels when a context starts after another closed).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExpectedErrors.Silencer.class)
public @interface ExpectedErrors {
    /** The loggers' names. */
    String[] value();

    /** Silences before the class and again before each test: starting Spring may reset the levels. */
    final class Silencer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
        private final Map<Logger, Level> levels = new HashMap<>();

        @Override
        public void beforeAll(ExtensionContext context) {
            for (String name : context.getRequiredTestClass().getAnnotation(ExpectedErrors.class).value()) {
                Logger logger = (Logger) LoggerFactory.getLogger(name);
                levels.putIfAbsent(logger, logger.getLevel());
                logger.setLevel(Level.OFF);
                System.setProperty("logging.level." + name, "OFF");
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            levels.keySet().forEach(logger -> logger.setLevel(Level.OFF));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            levels.forEach((logger, level) -> {
                logger.setLevel(level);
                System.clearProperty("logging.level." + logger.getName());
            });
            levels.clear();
        }
    }
}
