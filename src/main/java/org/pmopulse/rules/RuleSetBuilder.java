package org.pmopulse.rules;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link RuleSet} from {@link RuleSources}: first the code policy ({@link RuleCodePolicy}: what rule code may
 * use), then the classic Drools build (it reports errors with file and line), then what Drools does not check:
 * every rule has an id and complete metadata, ids are unique, and every threshold a rule reads exists. Any error
 * rejects the whole set with file, line and message.
 */
public final class RuleSetBuilder {
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern END_LINE = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*//\\s*(.*)$");
    private static final Pattern THRESHOLD_USE = Pattern.compile("thresholds\\.get(?:Int)?\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    public RuleSetBuilder(Clock clock) {
        this.clock = clock;
    }

    public RuleSet build(RuleSources sources) {
        List<RuleMessage> errors = new ArrayList<>();
        Thresholds thresholds = parse(sources, Thresholds.FILE, errors, Thresholds::parse);
        Playbook playbook = parse(sources, Playbook.FILE, errors, Playbook::parse);
        DataMap dataMap = parse(sources, DataMap.FILE, errors, DataMap::parse);
        Map<String, RuleInfo.Builder> located = locateRules(sources, thresholds, errors);
        if (located.isEmpty() && errors.isEmpty()) {
            errors.add(RuleMessage.error("", 0, "the rule set has no rules (.drl files)"));
        }
        sources.files().forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                packageProblem(file, text).ifPresent(errors::add);
                errors.addAll(RuleCodePolicy.standard().check(file, text));
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors); // nothing is compiled that the code policy refuses
        }
        List<RuleMessage> warnings = new ArrayList<>();
        Map<String, KieBase> bases = compile(sources, errors, warnings);
        List<RuleInfo> catalogue = bases == null ? List.of() : catalogue(bases.values(), located, errors);
        if (!errors.isEmpty()) {
            throw new RuleSetRejectedException(errors);
        }
        return new RuleSet(sources, clock.instant(), bases.get(PROJECT_BASE), bases.get(PORTFOLIO_PACK), thresholds,
                playbook, dataMap, catalogue, warnings);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(RuleSources sources, String file, List<RuleMessage> errors, Parser<T> parser) {
        String text = sources.files().get(file);
        if (text == null) {
            errors.add(RuleMessage.error(file, 0, "required file is missing"));
            return null;
        }
        try {
            return parser.parse(text);
        } catch (RuleSetRejectedException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Finds each rule's file and line in the DRL text, and the threshold keys read inside its body. */
    private static Map<String, RuleInfo.Builder> locateRules(RuleSources sources, Thresholds thresholds,
                                                             List<RuleMessage> errors) {
        Map<String, RuleInfo.Builder> rules = new LinkedHashMap<>();
        sources.files().forEach((file, text) -> {
            if (!file.endsWith(".drl")) {
                return;
            }
            String[] lines = text.split("\n", -1);
            RuleInfo.Builder current = null;
            for (int i = 0; i < lines.length; i++) {
                Matcher rule = RULE_LINE.matcher(lines[i]);
                if (rule.find()) {
                    Matcher comment = i > 0 ? COMMENT_LINE.matcher(lines[i - 1]) : null;
                    current = new RuleInfo.Builder(rule.group(1), file, i + 1,
                            comment != null && comment.find() ? comment.group(1).trim() : null);
                    if (rules.putIfAbsent(current.name, current) != null) {
                        errors.add(RuleMessage.error(file, i + 1, "rule name \"" + current.name + "\" is used twice"));
                    }
                }
                Matcher use = THRESHOLD_USE.matcher(lines[i]);
                while (use.find()) {
                    String key = use.group(1);
                    if (thresholds != null && !thresholds.contains(key)) {
                        errors.add(new RuleMessage(RuleMessage.Level.ERROR, file, i + 1, use.start(1) + 1,
                                "unknown threshold '" + key + "' (not in " + Thresholds.FILE + ")"));
                    }
                    if (current != null && !current.thresholds.contains(key)) {
                        current.thresholds.add(key);
                    }
                }
                if (END_LINE.matcher(lines[i]).find()) {
                    current = null;
                }
            }
        });
        return rules;
    }

    /**
     * Compiles the rule files into two Kie bases: the portfolio rules ({@value #PORTFOLIO_PACK}/) and the project
     * rules (every other folder), so an assessment runs each rule once, in the session it is meant for. A base
     * with no files is left out (Drools would otherwise give an empty package list every rule). Null on errors.
     */
    private static Map<String, KieBase> compile(RuleSources sources, List<RuleMessage> errors, List<RuleMessage> warnings) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.pmopulse", "pulse-rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Set<String>> packages = new TreeMap<>();
        sources.files().forEach((file, text) -> {
            if (file.endsWith(".drl")) {
                kfs.write(RESOURCES + file, text);
                packages.computeIfAbsent(baseOf(file), b -> new TreeSet<>()).add(packageOf(file));
            }
        });
        KieModuleModel module = ks.newKieModuleModel();
        packages.forEach((base, names) -> {
            KieBaseModel model = module.newKieBaseModel(base);
            names.forEach(model::addPackage);
        });
        kfs.writeKModuleXML(module.toXML());
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages()) {
            RuleMessage.Level level = message.getLevel() == Message.Level.ERROR ? RuleMessage.Level.ERROR
                    : RuleMessage.Level.WARNING;
            if (message.getLevel() == Message.Level.INFO) {
                continue;
            }
            String path = message.getPath() == null ? "" : message.getPath().replace(RESOURCES, "");
            RuleMessage rm = new RuleMessage(level, path, Math.max(0, message.getLine()),
                    Math.max(0, message.getColumn()), message.getText().trim());
            (level == RuleMessage.Level.ERROR ? errors : warnings).add(rm);
        }
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            KieContainer container = ks.newKieContainer(releaseId);
            Map<String, KieBase> bases = new TreeMap<>();
            packages.keySet().forEach(base -> bases.put(base, container.getKieBase(base)));
            return bases;
        } finally {
            // each build has its own release id; drop it from the repository so builds do not accumulate
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** The folder of the cross-project rules, and the name of their Kie base. */
    static final String PORTFOLIO_PACK = "portfolio";
    /** The Kie base of every other rule. */
    static final String PROJECT_BASE = "project";

    private static String baseOf(String file) {
        return file.startsWith(PORTFOLIO_PACK + "/") ? PORTFOLIO_PACK : PROJECT_BASE;
    }

    /**
     * A rule file's package must be its folder: Drools selects the files of a Kie base by their package, so a file
     * whose package said otherwise would drop out of its base without a word.
     */
    private static Optional<RuleMessage> packageProblem(String file, String text) {
        String folder = packageOf(file);
        if (folder.isEmpty()) {
            return Optional.of(RuleMessage.error(file, 0, "a rule file lives in a folder (the folder is its pack):"
                    + " move it into one, e.g. earlywarning/"));
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher declared = PACKAGE_LINE.matcher(lines[i]);
            if (declared.find()) {
                return declared.group(1).equals(folder) ? Optional.empty() : Optional.of(RuleMessage.error(file, i + 1,
                        "the package is '" + declared.group(1) + "'; a rule file's package is its folder: package "
                                + folder + ";"));
            }
        }
        return Optional.of(RuleMessage.error(file, 1, "the file declares no package; start it with: package " + folder + ";"));
    }

    /** A rule file's package as a Kie base selects it: its folder, dotted. */
    private static String packageOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash).replace('/', '.');
    }

    private static List<RuleInfo> catalogue(Collection<KieBase> bases, Map<String, RuleInfo.Builder> located,
                                            List<RuleMessage> errors) {
        List<RuleInfo> catalogue = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : bases.stream().flatMap(b -> b.getKiePackages().stream()).toList()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo.Builder where = located.getOrDefault(rule.getName(), new RuleInfo.Builder(rule.getName(), "", 0, null));
                List<String> problems = RuleMetadata.problems(rule);
                problems.forEach(p -> errors.add(RuleMessage.error(where.file, where.line,
                        "rule \"" + rule.getName() + "\": " + p)));
                if (!problems.isEmpty()) {
                    continue;
                }
                RuleName name = RuleName.parse(rule.getName());
                RuleInfo info = new RuleInfo(name.id(), rule.getName(), name.title(), where.protects, pack(where.file), where.file,
                        where.line, RuleMetadata.kind(rule), RuleMetadata.dimension(rule), RuleMetadata.severity(rule),
                        List.copyOf(where.thresholds));
                if ((info.kind() == FindingKind.PORTFOLIO) != PORTFOLIO_PACK.equals(info.pack())) {
                    // the portfolio rules run in a session of their own, over facts no project rule sees
                    errors.add(RuleMessage.error(info.file(), info.line(), "rule " + info.id() + ": @kind(PORTFOLIO) "
                            + "is for the rules in " + PORTFOLIO_PACK + "/, and those rules need it"));
                    continue;
                }
                RuleInfo earlier = byId.putIfAbsent(info.id(), info);
                if (earlier != null) {
                    errors.add(RuleMessage.error(info.file(), info.line(), "rule id " + info.id()
                            + " is already used at " + earlier.file() + ":" + earlier.line()));
                } else {
                    catalogue.add(info);
                }
            }
        }
        catalogue.sort(java.util.Comparator.comparing(RuleInfo::id));
        return catalogue;
    }

    private static String pack(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
