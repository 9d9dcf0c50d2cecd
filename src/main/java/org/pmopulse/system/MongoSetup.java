package org.pmopulse.system;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.time.LocalDate;
import java.util.List;

/**
 * MongoDB mapping and indexes. Dates without time are stored as ISO strings: Spring Data would otherwise turn a
 * LocalDate into a timestamp at midnight in the server's time zone, and a zone change would move every date.
 */
@Configuration(proxyBeanMethods = false)
public class MongoSetup {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /** How Pulse maps its types to BSON: what a store built outside Spring (a test) must use too. */
    public static MongoCustomConversions conversions() {
        return new MongoCustomConversions(List.of(new LocalDateToString(), new StringToLocalDate()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner createIndexes(List<MongoIndexes> stores) {
        return (ApplicationArguments args) -> stores.forEach(MongoIndexes::createIndexes);
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
