package org.pmopulse.cli;

import org.pmopulse.system.ConflictException;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.NotFoundException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line (picocli): work that needs no web server, and the storage-backed tasks that start Pulse without
 * one. {@code java -jar pulse.jar help} lists the commands, {@code help COMMAND} explains one.
 * Exit codes: 0 success; 1 Pulse could not run or a check failed; 2 invalid input or usage, with the problems on
 * stderr.
 */
@Command(name = "java -jar pulse.jar", scope = ScopeType.INHERIT, synopsisHeading = "usage: ",
        mixinStandardHelpOptions = true, versionProvider = PulseCli.Version.class,
        description = "Without a command, runs the Pulse web service.",
        exitCodeListHeading = "%nexit codes:%n",
        exitCodeList = {"0:success", "1:Pulse could not run, or a check failed", "2:invalid input or usage"})
public final class PulseCli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    /**
     * Where a command writes, and the application a command that needs the storage starts (handed in by the
     * launcher, so the command line does not depend on it).
     */
    record Context(Class<?> application, PrintStream out, PrintStream err) {}

    private PulseCli() {
    }

    /**
     * Whether the arguments are a command rather than the server's settings ({@code --name=value}). A first word
     * that is no known command is one too, so a typo ({@code user list}) is told so and does not start the server.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return commandLine(new Context(application, out, err)).execute(args);
    }

    private static CommandLine commandLine(Context context) {
        CommandLine cli = new CommandLine(new PulseCli())
                .addSubcommand("help", new CommandLine.HelpCommand())
                .addSubcommand(new AssessCommand(context))
                .addSubcommand(new CommandLine(new DemoCommand()).addSubcommand(new DemoCommand.Generate(context)))
                .addSubcommand(RulesCommands.commandLine(context))
                .addSubcommand(new CommandLine(new ForecastCommands.Import())
                        .addSubcommand(new ForecastCommands.ImportProTrack(context)))
                .addSubcommand(new ForecastCommands.Train(context))
                .addSubcommand(new ForecastCommands.Evaluate(context))
                .addSubcommand(AccessCommands.users(context))
                .addSubcommand(AccessCommands.tokens(context));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                command.getErr().println("pulse: " + e.getMessage());
                command.usage(command.getErr());
                return INVALID;
            }
            if (e instanceof IOException) {
                command.getErr().println("pulse: " + e.getMessage());
                return FAILED;
            }
            throw e;
        });
        return cli;
    }

    /**
     * Runs {@code work} in a Pulse context on the configured storage, without the web server and without the
     * demo load; {@code task} names it in the error when the storage cannot be opened. What the work refuses as
     * input (a field, a user, a project that does not fit) exits 2 with the field named, as the API would answer 4xx.
     */
    static int withStorage(Context context, String task, Function<ConfigurableApplicationContext, Integer> work) {
        // arguments, not default properties: application.yaml would override defaults and load the demo
        try (ConfigurableApplicationContext spring = new SpringApplicationBuilder(context.application())
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF) // stdout is the command's answer
                .run("--pulse.demo.load=false", "--logging.config=classpath:logback-cli.xml",
                        "--spring.main.lazy-initialization=true")) {
            return work.apply(spring);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> context.err().println("pulse: " + p.field() + ": " + p.message()));
            return INVALID;
        } catch (NotFoundException | ConflictException e) {
            context.err().println("pulse: " + e.getMessage());
            return INVALID;
        } catch (RuntimeException e) {
            context.err().println("pulse: " + task + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The folder a command reads, or a usage error naming the option when there is no such folder. */
    static Path folder(String what, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(what + ": no folder " + dir.toAbsolutePath().normalize());
        }
        return dir;
    }

    /** A command group run without one of its commands: the usage of the group. */
    abstract static class Group implements Runnable {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), spec.name() + " needs one of: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }

    /** Input a command found wrong after parsing (a file, a combination of options): exit 2 with the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PulseCli.class.getPackage().getImplementationVersion();
            return new String[] {"Pulse " + (version == null ? "(development build)" : version)};
        }
    }
}
