package org.pmopulse.snapshot;

/** Red/amber/green status. */
public enum Rag {
    GREEN, AMBER, RED
}
