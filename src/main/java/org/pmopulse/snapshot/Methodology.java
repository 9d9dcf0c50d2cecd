package org.pmopulse.snapshot;

/** How the project is run; selects the methodology compliance pack. */
public enum Methodology {
    WATERFALL, AGILE, HYBRID
}
