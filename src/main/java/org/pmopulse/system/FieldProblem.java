package org.pmopulse.system;

/** One thing wrong with an input, named by its JSON path ({@code progress.percentComplete}, {@code risks[2].probability}). */
public record FieldProblem(String field, String message) {}
