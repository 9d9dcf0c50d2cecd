package org.pmopulse.rules.fact;

import org.pmopulse.snapshot.Severity;

/** An issue; {@code ageDays} counts from its opening to the snapshot date (or to its resolution). */
public record IssueFact(String id, String title, Severity severity, String owner, boolean open, Integer ageDays) {}
