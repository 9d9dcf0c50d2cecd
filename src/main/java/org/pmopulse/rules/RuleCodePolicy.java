package org.pmopulse.rules;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.ChangeStatus;
import org.pmopulse.snapshot.DependencyStatus;
import org.pmopulse.snapshot.Engagement;
import org.pmopulse.snapshot.ItemStatus;
import org.pmopulse.snapshot.Methodology;
import org.pmopulse.snapshot.Phase;
import org.pmopulse.snapshot.Rag;
import org.pmopulse.snapshot.RelationType;
import org.pmopulse.snapshot.RiskStatus;
import org.pmopulse.snapshot.Severity;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What code in a rule file may use, checked on the text before anything is compiled: rule files are code that runs
 * inside Pulse, and a coach's candidate must not be able to stop the server or read what it should not. The check is
 * an allow-list: the only types a rule may name are the facts, the indicators, findings and thresholds, the
 * snapshot's enums and a few harmless JDK types (text, numbers, collections, dates); anything else (System, Runtime,
 * Thread, files, sockets, class loaders) is refused with file, line and column, and so are reflection, a rule
 * reaching into the engine through {@code drools}/{@code kcontext}, changing a fact instead of inserting a finding,
 * {@code while}/{@code do} loops and unicode escapes (which would hide any of these). The check runs on every build,
 * so it covers candidates sent to Pulse and files edited on disk alike; candidates are also validated and replayed in
 * a separate process, which contains what no text check can (a loop that never ends, a huge allocation).
 */
final class RuleCodePolicy {
    private static final Set<Class<?>> PULSE_TYPES = Set.of(Indicators.class, Finding.class, Thresholds.class,
            Dimension.class, FindingKind.class, Severity.class, Rag.class, Methodology.class, Phase.class,
            ItemStatus.class, RiskStatus.class, ChangeStatus.class, DependencyStatus.class, Engagement.class,
            RelationType.class);
    private static final String FACTS = "org.pmopulse.rules.fact";
    private static final Set<Class<?>> JDK_TYPES = Set.of(String.class, StringBuilder.class, CharSequence.class,
            Character.class, Math.class, Number.class, Integer.class, Long.class, Double.class, Float.class,
            Short.class, Byte.class, Boolean.class, Object.class, Comparable.class, Iterable.class,
            java.util.List.class, java.util.ArrayList.class, java.util.LinkedList.class, java.util.Map.class,
            java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.Set.class,
            java.util.HashSet.class, java.util.LinkedHashSet.class, java.util.TreeSet.class, java.util.Collection.class,
            java.util.Collections.class, java.util.Arrays.class, java.util.Objects.class, java.util.Optional.class,
            java.util.Comparator.class, java.util.Iterator.class, java.util.Locale.class,
            java.util.stream.Collectors.class, java.util.stream.Stream.class,
            java.time.LocalDate.class, java.time.Duration.class, java.time.Period.class, java.time.DayOfWeek.class,
            java.time.Month.class, java.time.temporal.ChronoUnit.class);
    /** Wildcard imports a rule file may use (the types it then names are still checked one by one). */
    private static final Set<String> IMPORTABLE_PACKAGES = Set.of(FACTS, "org.pmopulse.snapshot", "java.util",
            "java.time", "java.lang");
    private static final Set<String> IMPORTABLE_FUNCTIONS = Set.of("org.pmopulse.rules.Emit.finding");
    /** Members that reach reflection, the process, system properties or the engine's internals. */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "forName", "getClassLoader",
            "loadClass", "getRuntime", "exec", "exit", "halt", "getenv", "getProperty", "getProperties",
            "setProperty", "clearProperty", "getInteger", "getLong", "getBoolean", "load", "loadLibrary",
            "newInstance", "invoke", "invokeExact", "setAccessible", "getDeclaredMethod", "getDeclaredMethods",
            "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getConstructors", "lookup", "wait", "notify",
            "notifyAll", "finalize");
    /** The engine is reached only as the argument of {@code finding(drools, ...)}. */
    private static final Set<String> ENGINE = Set.of("drools", "kcontext");
    /** Rules add findings; they never change, remove or replace a fact (that would erase other rules' evidence). */
    private static final Set<String> FACT_CHANGES = Set.of("modify", "update", "retract", "delete");
    private static final Set<String> LOOPS = Set.of("while", "do");
    /** Roots of fully qualified names, which must then be allowed types. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "scala", "groovy", "mvel", "mvel2");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\s*\\.\\s*[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(function\\s+|static\\s+)?([\\w.$]+(?:\\.\\*)?)\\s*;?\\s*$");
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\s+([\\w.$]+)\\s+(\\w+)\\s*;?\\s*$");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final Set<String> allowedNames;
    private final Set<String> allowedQualified;

    private RuleCodePolicy(Set<String> allowedNames, Set<String> allowedQualified) {
        this.allowedNames = allowedNames;
        this.allowedQualified = allowedQualified;
    }

    private static final RuleCodePolicy DEFAULT = create();

    static RuleCodePolicy standard() {
        return DEFAULT;
    }

    private static RuleCodePolicy create() {
        Set<String> names = new HashSet<>();
        Set<String> qualified = new HashSet<>();
        Stream.concat(PULSE_TYPES.stream(), JDK_TYPES.stream()).forEach(type -> {
            names.add(type.getSimpleName());
            qualified.add(type.getName());
        });
        factTypes().forEach(simple -> {
            names.add(simple);
            qualified.add(FACTS + "." + simple);
        });
        return new RuleCodePolicy(Set.copyOf(names), Set.copyOf(qualified));
    }

    /** Every fact record the rules can match on: the classes of the facts package, found on the class path. */
    private static List<String> factTypes() {
        try {
            Resource[] classes = new PathMatchingResourcePatternResolver(RuleCodePolicy.class.getClassLoader())
                    .getResources("classpath*:" + FACTS.replace('.', '/') + "/*.class");
            List<String> names = new ArrayList<>();
            for (Resource r : classes) {
                String file = r.getFilename();
                if (file != null && !file.contains("$")) {
                    names.add(file.substring(0, file.length() - ".class".length()));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("no fact classes found under " + FACTS);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the fact classes", e);
        }
    }

    /** Every use in {@code text} the policy refuses, with line and column. */
    List<RuleMessage> check(String file, String text) {
        List<RuleMessage> problems = new ArrayList<>();
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        if (escape.find()) {
            Position at = Position.of(text, escape.start());
            problems.add(problem(file, at, "unicode escapes are not allowed in rule files; write the character itself"));
            return problems;
        }
        String code = CodeText.blankCommentsAndStrings(text);
        Set<String> declared = new HashSet<>();
        Matcher declare = DECLARE.matcher(code);
        while (declare.find()) {
            declared.add(declare.group(1));
        }
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            checkLine(file, i + 1, lines[i], declared, problems);
        }
        return problems;
    }

    private void checkLine(String file, int line, String code, Set<String> declared, List<RuleMessage> problems) {
        Matcher imported = IMPORT.matcher(code);
        if (imported.matches()) {
            checkImport(file, line, imported.group(1), imported.group(2), problems);
            return;
        }
        Matcher global = GLOBAL.matcher(code);
        if (global.matches()) {
            if (!global.group(1).equals(Thresholds.class.getName()) || !global.group(2).equals("thresholds")) {
                problems.add(problem(file, new Position(line, 1), "the only global a rule file may declare is '"
                        + Thresholds.class.getName() + " thresholds'"));
            }
            return;
        }
        if (code.strip().startsWith("package ")) {
            return;
        }
        Matcher name = NAME.matcher(code);
        while (name.find()) {
            if (name.start() > 0 && code.charAt(name.start() - 1) == '@') {
                continue; // rule metadata: @kind(...), @dimension(...)
            }
            String refused = refusal(name.group().replaceAll("\\s", ""), declared,
                    code.substring(name.end()).stripLeading());
            if (refused != null) {
                problems.add(problem(file, new Position(line, name.start() + 1), refused));
            }
        }
    }

    private void checkImport(String file, int line, String kind, String target, List<RuleMessage> problems) {
        boolean allowed;
        if (kind != null && kind.startsWith("function")) {
            allowed = IMPORTABLE_FUNCTIONS.contains(target);
        } else if (kind != null) {
            allowed = false; // static imports would bring members past the type check
        } else if (target.endsWith(".*")) {
            allowed = IMPORTABLE_PACKAGES.contains(target.substring(0, target.length() - 2));
        } else {
            allowed = allowedQualified.contains(target);
        }
        if (!allowed) {
            problems.add(problem(file, new Position(line, 1), "import of '" + target + "' is not allowed in rule files"
                    + " (facts, indicators, findings, thresholds, the snapshot's enums and plain JDK types only)"));
        }
    }

    /** Why a name may not be used, or null when it may. {@code after} is the code that follows it. */
    private String refusal(String qualified, Set<String> declared, String after) {
        String[] parts = qualified.split("\\.");
        String first = parts[0];
        if (LOOPS.contains(first) && parts.length == 1) {
            return "'" + first + "' loops are not allowed in rules (a rule must finish); compute in the facts instead";
        }
        if (FACT_CHANGES.contains(first) && parts.length == 1 && (after.startsWith("(") || after.startsWith("{"))) {
            return "'" + first + "' changes a fact; rules only insert findings";
        }
        if (ENGINE.contains(first) && parts.length > 1) {
            return "'" + qualified + "' reaches into the rule engine; pass '" + first + "' to finding(...) only";
        }
        if (PACKAGE_ROOTS.contains(first) && parts.length > 1) {
            String refused = qualifiedRefusal(parts);
            if (refused != null) {
                return refused;
            }
        } else if (Character.isUpperCase(first.charAt(0)) && !CONSTANT.matcher(first).matches()
                && !allowedNames.contains(first) && !declared.contains(first)) {
            return "type '" + first + "' is not allowed in rules (facts, indicators, findings, thresholds, the"
                    + " snapshot's enums and plain JDK types only)";
        }
        for (int i = 0; i < parts.length; i++) {
            if (FORBIDDEN_MEMBERS.contains(parts[i]) && (i > 0 || after.startsWith("("))) {
                return "'" + parts[i] + "' is not allowed in rules (reflection, the process, system properties)";
            }
        }
        return null;
    }

    /** A fully qualified name must name an allowed type (then anything after it is a member, checked above). */
    private String qualifiedRefusal(String[] parts) {
        StringBuilder prefix = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            prefix.append('.').append(parts[i]);
            if (Character.isUpperCase(parts[i].charAt(0))) {
                return allowedQualified.contains(prefix.toString()) ? null
                        : "type '" + prefix + "' is not allowed in rules";
            }
        }
        return "'" + String.join(".", parts) + "' is not allowed in rules";
    }

    private static RuleMessage problem(String file, Position at, String message) {
        return new RuleMessage(RuleMessage.Level.ERROR, file, at.line(), at.column(), message);
    }

    private record Position(int line, int column) {
        static Position of(String text, int index) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Position(line, index - lineStart + 1);
        }
    }
}
