package org.pmopulse.portfolio;

import org.pmopulse.assessment.Assessment;
import org.pmopulse.assessment.HistoryEntry;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import org.pmopulse.snapshot.IsoWeek;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.PathValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/projects/{projectId}")
class AssessmentController {
    private final AssessmentService service;
    private final ProjectStore projects;

    AssessmentController(AssessmentService service, ProjectStore projects) {
        this.service = service;
        this.projects = projects;
    }

    @Operation(summary = "The assessment of the project's latest week")
    @GetMapping("/assessments/latest")
    Assessment latest(Caller caller, @PathVariable String projectId) {
        PathValues.projectId(projectId);
        return service.latest(projectId).map(a -> seenBy(caller, a))
                .orElseThrow(() -> new NotFoundException("projectId", "no assessment of project '" + projectId + "'"));
    }

    @Operation(summary = "The assessment of the week that contains asOf (YYYY-MM-DD)")
    @GetMapping("/assessments/{asOf}")
    Assessment ofWeek(Caller caller, @PathVariable String projectId,
                      @PathVariable String asOf) {
        PathValues.projectId(projectId);
        String week = IsoWeek.of(PathValues.date("asOf", asOf));
        return service.ofWeek(projectId, week).map(a -> seenBy(caller, a)).orElseThrow(() -> new NotFoundException("asOf",
                "no assessment of project '" + projectId + "' for week " + week));
    }

    @Operation(summary = "Score, RAG and main indicators per week, oldest first")
    @GetMapping("/history")
    List<HistoryEntry> history(@PathVariable String projectId) {
        PathValues.projectId(projectId);
        List<HistoryEntry> history = service.history(projectId);
        if (history.isEmpty()) {
            throw new NotFoundException("projectId", "no assessment of project '" + projectId + "'");
        }
        return history;
    }

    /** The assessment with the projects the caller may not read named "another project". */
    private Assessment seenBy(Caller caller, Assessment assessment) {
        return OtherProjects.hiddenFrom(caller, projects).assessment(assessment);
    }
}
