package org.pmopulse.support;

import org.pmopulse.PulseApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A whole Pulse started by a test with its own settings, on a free port, and an HTTP client for it. */
public final class RunningPulse implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;
    private final Http http;

    private RunningPulse(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new Http(port);
    }

    public int port() {
        return port;
    }

    /** Starts Pulse with the test profile, on a free port, with these extra {@code --name=value} arguments. */
    public static RunningPulse start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test"));
        all.addAll(List.of(args));
        return new RunningPulse(SpringApplication.run(PulseApplication.class, all.toArray(String[]::new)));
    }

    /** A component of the running Pulse, for a test that sets up a state the API cannot make. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A component of the running Pulse by its name, where several share a type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public Http http() {
        return http;
    }

    @Override
    public void close() {
        context.close();
    }
}
