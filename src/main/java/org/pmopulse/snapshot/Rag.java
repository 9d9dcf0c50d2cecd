package org.pmopulse.snapshot;

/**
 * Red/amber/green status. {@code NO_DATA} is Pulse's word for a dimension (or a whole project) it could not judge
 * because the data that feeds it was not sent; a project manager reports GREEN, AMBER or RED only.
 */
public enum Rag {
    GREEN, AMBER, RED, NO_DATA
}
