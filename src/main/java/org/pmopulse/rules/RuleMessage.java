package org.pmopulse.rules;

/** An error or warning about a rule set, pointing at a file (relative to the rules folder), line and column (0 when unknown). */
public record RuleMessage(Level level, String file, int line, int column, String message) {
    public enum Level { ERROR, WARNING }

    public static RuleMessage error(String file, int line, String message) {
        return new RuleMessage(Level.ERROR, file, line, 0, message);
    }

    @Override
    public String toString() {
        return level + " " + file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + " " + message;
    }
}
