package org.pmopulse.system;

import java.nio.file.Path;

/** The embedded store's data folder is locked by another process: two Pulses cannot share one H2 file. */
class DataFolderInUseException extends RuntimeException {
    DataFolderInUseException(Path folder, String owner) {
        super("The data folder " + folder + " is in use by another Pulse"
                + (owner == null ? "" : " (" + owner + ")")
                + "; stop that one, or start this one with another --pulse.data-dir or a SPRING_MONGODB_URI.");
    }
}
