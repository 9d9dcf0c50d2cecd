package org.pmopulse.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleFolderWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesAndRemovesFilesAndLeavesNoJournal() throws IOException {
        Files.writeString(dir.resolve("old.drl"), "old");
        Map<String, String> changes = new HashMap<>();
        changes.put("new/pack.drl", "new");
        changes.put("old.drl", null);

        RuleFolderWriter.apply(dir, changes);

        assertThat(dir.resolve("new/pack.drl")).hasContent("new");
        assertThat(dir.resolve("old.drl")).doesNotExist();
        assertThat(dir.resolve(RuleFolderWriter.JOURNAL)).doesNotExist();
        assertThat(RuleFolderWriter.pending(dir)).isFalse();
    }

    @Test
    void aPublishInterruptedAfterItsCommitIsFinishedOnRecovery() throws IOException {
        Files.writeString(dir.resolve("a.drl"), "before");
        Path journal = Files.createDirectories(dir.resolve(RuleFolderWriter.JOURNAL));
        Files.writeString(journal.resolve("staged-0"), "after");
        Files.writeString(journal.resolve("manifest"), "write\ta.drl\tstaged-0\ndelete\tgone.drl");
        Files.writeString(dir.resolve("gone.drl"), "x");

        assertThat(RuleFolderWriter.pending(dir)).isTrue();
        RuleFolderWriter.recover(dir);

        assertThat(dir.resolve("a.drl")).hasContent("after");
        assertThat(dir.resolve("gone.drl")).doesNotExist();
        assertThat(journal).doesNotExist();
    }

    @Test
    void aPublishInterruptedBeforeItsCommitLeavesTheFolderAsItWas() throws IOException {
        Files.writeString(dir.resolve("a.drl"), "before");
        Path journal = Files.createDirectories(dir.resolve(RuleFolderWriter.JOURNAL));
        Files.writeString(journal.resolve("staged-0"), "after");
        Files.writeString(journal.resolve("manifest.tmp"), "write\ta.drl\tstaged-0");

        RuleFolderWriter.recover(dir);

        assertThat(dir.resolve("a.drl")).hasContent("before");
        assertThat(journal).doesNotExist();
    }

    @Test
    void hiddenAndUnsafePathsAreNotCoachFiles() {
        assertThat(RuleFolder.isCoachFile("earlywarning/cost.drl")).isTrue();
        assertThat(RuleFolder.isCoachFile("scenarios/base.yaml")).isTrue();
        assertThat(RuleFolder.isCoachFile("../etc/passwd.drl")).isFalse();
        assertThat(RuleFolder.isCoachFile(".pulse-publish/manifest")).isFalse();
        assertThat(RuleFolder.isCoachFile("/abs/x.drl")).isFalse();
        assertThat(RuleFolder.isCoachFile("run.sh")).isFalse();
    }
}
