package org.pmopulse.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.access.Caller;
import org.pmopulse.system.NotFoundException;
import org.pmopulse.system.PathValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/projects")
class ProjectController {
    private final ProjectStore projects;

    ProjectController(ProjectStore projects) {
        this.projects = projects;
    }

    @Operation(summary = "Every project with its latest week's score and RAG")
    @GetMapping
    List<ProjectSummary> list(Caller caller) {
        OtherProjects others = OtherProjects.hiddenFrom(caller, projects);
        return projects.all().stream().filter(p -> caller.reads(p.projectId())).map(p -> p.seenBy(others)).toList();
    }

    @Operation(summary = "One project's latest week: score, RAG, change, top finding and recommendation")
    @GetMapping("/{projectId}")
    ProjectSummary one(Caller caller, @PathVariable String projectId) {
        return projects.find(PathValues.projectId(projectId)).map(p -> p.seenBy(OtherProjects.hiddenFrom(caller, projects)))
                .orElseThrow(() -> new NotFoundException("projectId", "no project '" + projectId + "'"));
    }
}
