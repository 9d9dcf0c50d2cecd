package org.pmopulse.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled, validated rule set: the Drools knowledge base with the thresholds, the playbook and the catalogue
 * that describe it. Immutable and shared by all assessments; each assessment opens its own session.
 */
public final class RuleSet {
    static final int MAX_FIRINGS = 100_000;
    public static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::because);

    private final String version;
    private final String origin;
    private final Instant loadedAt;
    private final Rules project;
    private final Rules portfolio;
    private final Thresholds thresholds;
    private final Playbook playbook;
    private final DataMap dataMap;
    private final List<RuleInfo> catalogue;
    private final Map<String, RuleInfo> byId;
    private final List<String> files;
    private final List<RuleMessage> warnings;

    /** One Kie base and whether its rules read the thresholds global; none: no rules of that kind. */
    private record Rules(KieBase base, boolean declaresThresholds) {
        static Rules of(KieBase base) {
            return base == null ? null : new Rules(base, base.getKiePackages().stream()
                    .flatMap(p -> p.getGlobalVariables().stream()).anyMatch(g -> g.getName().equals("thresholds")));
        }
    }

    RuleSet(RuleSources sources, Instant loadedAt, KieBase project, KieBase portfolio, Thresholds thresholds,
            Playbook playbook, DataMap dataMap, List<RuleInfo> catalogue, List<RuleMessage> warnings) {
        this.version = sources.version();
        this.origin = sources.origin();
        this.files = List.copyOf(sources.files().keySet());
        this.loadedAt = loadedAt;
        this.project = Rules.of(project);
        this.portfolio = Rules.of(portfolio);
        this.thresholds = thresholds;
        this.playbook = playbook;
        this.dataMap = dataMap;
        this.catalogue = List.copyOf(catalogue);
        this.byId = catalogue.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));
        this.warnings = List.copyOf(warnings);
    }

    public String version() {
        return version;
    }

    public String origin() {
        return origin;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /**
     * Runs the rules over one assessment's facts in a session of its own and returns the findings, each with its
     * source file, in a stable order (most severe first). Rules that keep re-firing are stopped after
     * {@link #MAX_FIRINGS} firings rather than hanging the request.
     */
    public List<Finding> evaluate(List<Object> facts) {
        return run(project, facts);
    }

    /**
     * Runs the portfolio rules, in a Kie base of their own, over one project's portfolio facts
     * ({@code PortfolioFacts}), the same way.
     */
    public List<Finding> evaluatePortfolio(List<Object> facts) {
        return run(portfolio, facts);
    }

    /**
     * Runs with Pulse's own class loader as the thread's context loader. Drools finds its runtime through it, and a
     * thread of the common pool (a replay judges projects in parallel) carries the system class loader, which in the
     * packaged jar does not see the libraries inside it ("Missing runtime ... drools-kiesession").
     */
    private List<Finding> run(Rules rules, List<Object> facts) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleSet.class.getClassLoader());
        try {
            return runInSession(rules, facts);
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    private List<Finding> runInSession(Rules rules, List<Object> facts) {
        if (rules == null) {
            return List.of();
        }
        KieSession session = rules.base().newKieSession();
        try {
            if (rules.declaresThresholds()) {
                session.setGlobal("thresholds", thresholds);
            }
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + fired + " times; a rule probably re-triggers itself");
            }
            return session.getObjects(o -> o instanceof Finding).stream()
                    .map(Finding.class::cast)
                    .map(f -> f.withSource(rule(f.ruleId()).map(RuleInfo::file).orElse(null)))
                    .sorted(FINDING_ORDER)
                    .toList();
        } finally {
            session.dispose();
        }
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Playbook playbook() {
        return playbook;
    }

    /** Which data feeds each dimension, and which dimensions a project must report ({@code data.yaml}). */
    public DataMap dataMap() {
        return dataMap;
    }

    public List<RuleInfo> catalogue() {
        return catalogue;
    }

    public Optional<RuleInfo> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> files() {
        return files;
    }

    public List<RuleMessage> warnings() {
        return warnings;
    }

    /** The reference an assessment keeps to reproduce itself. */
    public RuleSetRef ref() {
        return new RuleSetRef(version, (int) files.stream().filter(f -> f.endsWith(".drl")).count(), catalogue.size());
    }
}
