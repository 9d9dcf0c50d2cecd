package org.pmopulse.system;

import java.util.List;

/** Lines a part of Pulse has for the person starting it, logged right after the dashboard's URL (how to sign in). */
public interface StartupNotice {
    List<String> lines();
}
