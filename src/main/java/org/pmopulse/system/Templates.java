package org.pmopulse.system;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Mustache templates shipped in Pulse's jar, under {@code /templates}. */
public final class Templates {
    private Templates() {
    }

    /** The template at {@code /templates/<path>}, compiled once; an empty string counts as false in a section. */
    public static Template compile(String path, Mustache.Compiler compiler) {
        InputStream resource = Templates.class.getResourceAsStream("/templates/" + path);
        if (resource == null) {
            throw new IllegalStateException("the template " + path + " is missing from Pulse's jar");
        }
        try (Reader reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            return compiler.emptyStringIsFalse(true).compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("the template " + path + " could not be read", e);
        }
    }
}
