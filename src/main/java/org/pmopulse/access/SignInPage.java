package org.pmopulse.access;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Hidden;
import org.pmopulse.system.Templates;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.Map;

/** The dashboard's sign-in page; Spring Security takes the form's POST and starts the session. */
@Controller
@Hidden
class SignInPage {
    private static final Template PAGE = Templates.compile("access/sign-in.html.mustache", Mustache.compiler());

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(CsrfToken csrf, @RequestParam(required = false) String error,
                                @RequestParam(required = false) String locked,
                                @RequestParam(name = "signed-out", required = false) String signedOut) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrfParameter", csrf.getParameterName());
        model.put("csrfToken", csrf.getToken());
        model.put("message", error != null ? "Wrong user name or password, or the user is disabled."
                : locked != null ? "Too many failed sign-ins for this name or address; wait a while and try again."
                : signedOut != null ? "You have signed out." : "");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE.execute(model));
    }
}
