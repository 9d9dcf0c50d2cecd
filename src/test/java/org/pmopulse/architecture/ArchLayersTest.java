package org.pmopulse.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code, as the README's package diagram draws it: packages in layers, each depending only on
 * the ones below it. A new import that points up, or a loop between packages, fails the build with the classes
 * that cause it.
 */
class ArchLayersTest {
    /** Bottom to top; a package may use only those listed before it. */
    static final List<String> LAYERS = List.of(
            "system",     // base: settings, JSON, problem details, MongoDB durability, web edges
            "access",     // users, roles, tokens, sign-in and the audit trail
            "snapshot",   // the contract: reading, validating and storing snapshots
            "metrics",    // earned value and earned schedule
            "schedule",   // the task network
            "protrack",   // ProTrack files as snapshots
            "rules",      // the rule engine, its facts and the rule folder
            "forecast",   // the slip model, its training and evaluation
            "advice",     // the playbook
            "assessment", // one snapshot in, one assessment out, and its store
            "portfolio",  // assessing in the portfolio's context, its read model, views, batch and report
            "coach",      // validate, replay, publish, roll back, change log, scenarios
            "ingest",     // snapshots and files in, deletions
            "demo",       // the demo portfolio
            "cli");       // the command line

    private static JavaClasses pulse;

    @BeforeAll
    static void importClasses() {
        pulse = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pmopulse");
    }

    @Test
    void packagesFormNoLoop() {
        slices().matching("org.pmopulse.(*)..").should().beFreeOfCycles().check(pulse);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(p -> "org.pmopulse." + p + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            ArchRule rule = noClasses().that().resideInAPackage("org.pmopulse." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " sits below " + String.join(", ", LAYERS.subList(i + 1, LAYERS.size())));
            rule.check(pulse);
        }
    }

    @Test
    void onlyTheLauncherKnowsTheApplication() {
        noClasses().that().resideOutsideOfPackage("org.pmopulse").should().dependOnClassesThat()
                .resideInAPackage("org.pmopulse").check(pulse);
    }

    /** The README's table of layers lists the packages in this order, each with exactly what it uses. */
    @Test
    void theReadmesTableOfLayersIsTheCodesShape() throws IOException {
        Pattern row = Pattern.compile("^\\| \\w+ \\| `(\\w+)` \\| .* \\| ([^|]+) \\|$");
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = row.matcher(line);
            if (m.matches() && LAYERS.contains(m.group(1))) {
                String uses = m.group(2).strip();
                documented.put(m.group(1), uses.equals("nothing of Pulse") ? Set.of()
                        : new TreeSet<>(List.of(uses.split(",\\s*"))));
            }
        }
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        for (String layer : LAYERS) {
            Set<String> uses = new TreeSet<>();
            pulse.stream().filter(c -> c.getPackageName().startsWith("org.pmopulse."))
                    .filter(c -> topPackage(c.getPackageName()).equals(layer))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .map(d -> d.getTargetClass().getPackageName())
                    .filter(p -> p.startsWith("org.pmopulse."))
                    .map(ArchLayersTest::topPackage)
                    .filter(p -> !p.equals(layer))
                    .forEach(uses::add);
            actual.put(layer, uses);
        }
        assertThat(documented).isEqualTo(actual);
        assertThat(List.copyOf(documented.keySet())).isEqualTo(LAYERS);
    }

    private static String topPackage(String name) {
        String rest = name.substring("org.pmopulse.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyPackageIsInALayer() {
        pulse.getPackage("org.pmopulse").getSubpackages().forEach(p ->
                assertThat(LAYERS).as("the layer of " + p.getName())
                        .contains(p.getRelativeName()));
    }
}
