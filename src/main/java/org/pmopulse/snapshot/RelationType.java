package org.pmopulse.snapshot;

/** Precedence relation type between two tasks. */
public enum RelationType {
    FS, SS, FF, SF
}
