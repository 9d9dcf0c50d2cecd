package org.pmopulse;

import org.pmopulse.cli.PulseCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the web service, or a command-line command ({@code assess}, {@code demo}) without web server or database. */
@SpringBootApplication
public class PulseApplication {
    public static void main(String[] args) {
        if (PulseCli.handles(args)) {
            // results go to stdout; logging must not, so the command line has its own quiet configuration
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(PulseCli.run(PulseApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(PulseApplication.class, args);
    }
}
