package org.pmopulse.access;

import io.swagger.v3.oas.annotations.Operation;
import org.pmopulse.system.StrictJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The ADMIN's API tokens; each change is recorded in the audit trail. */
@RestController
class TokensController {
    private final TokenStore tokens;

    TokensController(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Every token with its state (ACTIVE, EXPIRED, REVOKED); never a secret")
    @GetMapping("/api/tokens")
    List<ApiToken.View> list() {
        return tokens.all();
    }

    @Operation(summary = "Make a token: {name, role, projects, expiresInDays}; 201 with the secret, shown this once")
    @PostMapping(path = "/api/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenStore.Created> create(Caller caller,
                                              @RequestBody(required = false) byte[] body) {
        TokenStore.NewToken token = StrictJson.bind(StrictJson.parse(body), TokenStore.NewToken.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(token, caller));
    }

    @Operation(summary = "Revoke a token for good; it stays listed as REVOKED")
    @DeleteMapping("/api/tokens/{id}")
    ApiToken.View revoke(Caller caller, @PathVariable String id) {
        return tokens.revoke(id, caller);
    }
}
