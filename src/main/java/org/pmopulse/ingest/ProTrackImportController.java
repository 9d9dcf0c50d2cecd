package org.pmopulse.ingest;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import org.pmopulse.system.FieldProblem;
import org.pmopulse.system.InvalidInputException;
import org.pmopulse.system.PathValues;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Upload of a ProTrack project file: the same import as {@code pulse import protrack FILE}. */
@RestController
class ProTrackImportController {
    private final ProTrackImportService imports;

    ProTrackImportController(ProTrackImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a ProTrack (.p2x) file: one snapshot per tracking period, each stored and assessed")
    @PostMapping(path = "/api/imports/protrack", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ProTrackImportService.Imported upload(Caller caller,
                                          @RequestParam(required = false) String fileName,
                                          @RequestParam(required = false) String projectId,
                                          @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.body(List.of(new FieldProblem("body",
                    "is empty; send the .p2x file as the request body")));
        }
        String id = projectId == null ? null : PathValues.projectId(projectId);
        return imports.importFile(body, fileName == null ? "upload.p2x" : fileName, id, caller, line -> { });
    }
}
