package io.edgefleet.server.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archive every IT deploys: the real EAR built by server-app, unchanged. */
public final class Deployments {
    private Deployments() {}

    public static EnterpriseArchive edgefleetEar() {
        File ear = new File(System.getProperty("it.ear", "target/deploy/edgefleet.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("no EAR at " + ear + ": build server-app first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
