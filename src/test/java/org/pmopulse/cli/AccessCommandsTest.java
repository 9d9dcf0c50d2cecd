package org.pmopulse.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmopulse.protrack.SmallProTrackFile;
import org.pmopulse.support.Cli;
import org.pmopulse.support.Http;
import org.pmopulse.support.RunningPulse;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users} and {@code tokens} from a terminal, and an import acting as a named user, on the embedded
 * database a started Pulse made (its first start created {@code admin}); what they did is in the audit trail and
 * works over HTTP.
 */
class AccessCommandsTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetTheDataFolder() {
        System.clearProperty("pulse.data-dir");
    }

    private RunningPulse start() {
        return RunningPulse.start("--pulse.data-dir=" + dir.resolve("data"), "--pulse.embedded-mongo.persistent=true");
    }

    @Test
    void anAdminManagesUsersAndTokensAndAProjectManagerImportsTheirProject() throws IOException {
        start().close(); // the first start creates admin
        System.setProperty("pulse.data-dir", dir.resolve("data").toString());

        Cli.Run added = Cli.run("users", "add", "anna", "--role", "PROJECT_MANAGER", "--project", "SMALL", "--as", "admin");
        Cli.Run notAdmin = Cli.run("users", "add", "bob", "--role", "COACH", "--as", "anna");
        Cli.Run token = Cli.run("tokens", "create", "--name", "nightly export", "--role", "PMO_LEAD", "--days", "30",
                "--as", "admin");
        String tokenId = token.out().lines().findFirst().orElseThrow().split(" ")[1];
        Cli.Run revoked = Cli.run("tokens", "revoke", tokenId, "--as", "admin");
        Cli.Run revokedAgain = Cli.run("tokens", "revoke", tokenId, "--as", "admin");
        Path file = SmallProTrackFile.writeTo(dir, "SMALL.p2x");
        Cli.Run importedByNobody = Cli.run("import", "protrack", file.toString(), "--as", "nobody");
        Cli.Run importedNothing = Cli.run("import", "protrack", dir.resolve("data").toString(), "--as", "anna");
        Cli.Run imported = Cli.run("import", "protrack", file.toString(), "--as", "anna");
        Cli.Run disabled = Cli.run("users", "disable", "anna", "--as", "admin");
        Cli.Run disabledAgain = Cli.run("users", "disable", "anna", "--as", "admin");
        Cli.Run listed = Cli.run("users", "list", "--as", "admin");
        Cli.Run enabled = Cli.run("users", "enable", "anna", "--as", "admin");
        Cli.Run disabledAtLast = Cli.run("users", "disable", "anna", "--as", "admin");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("password (shown once): ");
        String password = added.out().substring(added.out().indexOf("shown once): ") + 12).strip();
        assertThat(notAdmin.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(notAdmin.err()).contains("does not hold the role ADMIN");
        assertThat(token.out()).contains("secret (shown once): pulse_");
        assertThat(revoked.out()).contains("revoked " + tokenId);
        assertThat(revokedAgain.exit()).isZero();
        assertThat(revokedAgain.out()).contains(tokenId + " (nightly export) was already revoked, by admin");
        // the same problem with --as exits 2 in every command, naming the option
        assertThat(importedByNobody.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(importedByNobody.err()).contains("pulse: as: no user 'nobody'");
        assertThat(importedNothing.exit()).isEqualTo(PulseCli.INVALID);
        assertThat(importedNothing.err()).contains("no .p2x files in");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(disabled.out()).contains("disabled anna");
        assertThat(disabledAgain.exit()).isZero();
        assertThat(disabledAgain.out()).contains("anna was already disabled");
        assertThat(listed.out()).containsPattern("anna +disabled +PROJECT_MANAGER projects \\[SMALL]");
        assertThat(enabled.out()).contains("enabled anna");
        assertThat(disabledAtLast.out()).contains("disabled anna");

        System.clearProperty("pulse.data-dir");
        try (RunningPulse pulse = start()) {
            Http admin = pulse.http();
            JsonNode audit = admin.get("/api/audit?actor=anna").json();
            assertThat(audit).extracting(e -> e.get("action").asString()).contains("IMPORT", "SNAPSHOT_STORED");
            assertThat(audit.get(0).get("via").asString()).isEqualTo("COMMAND_LINE");
            assertThat(admin.get("/api/tokens").body()).contains("REVOKED");
            assertThat(admin.as("anna", password).get("/api/me").status()).isEqualTo(401); // disabled
            assertThat(admin.get("/api/projects/SMALL/snapshots").json().get(0).get("receivedBy").asString())
                    .isEqualTo("anna");
        }
    }
}
