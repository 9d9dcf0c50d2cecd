package org.pmopulse.protrack;

/** A ProTrack file that cannot be imported, with the file's name and why. */
public class ProTrackException extends RuntimeException {
    private final String file;

    public ProTrackException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
