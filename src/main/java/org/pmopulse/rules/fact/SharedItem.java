package org.pmopulse.rules.fact;

import java.util.List;

/**
 * Something this project shares with other projects of the same week: a supplier named on its deliverables, or
 * a deliverable of one project that others wait for ({@code name} is then {@code "PROVIDER: deliverable"}).
 *
 * @param projects    every project of the week that shares it, this one included
 * @param redProjects those of them Pulse rates RED this week
 */
public record SharedItem(Kind kind, String name, List<String> projects, List<String> redProjects) {
    public enum Kind { SUPPLIER, DELIVERABLE }
}
