package org.pmopulse.protrack;

import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A ProTrack file that cannot be imported, with the file's name and why. */
public class ProTrackException extends ProblemException {
    private final String file;

    public ProTrackException(String file, String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "not-protrack", "Not a ProTrack file Pulse can import", file + ": " + message,
                List.of(new FieldProblem("body", file + ": " + message)));
        this.file = file;
    }

    public String file() {
        return file;
    }
}
