package io.cuadra.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deployment of every Arquillian test: the EAR the build produced, unchanged. Tests act as
 * clients of the running application (HTTP, browser) and read the database directly to check
 * what was stored. The classes share one deployment ({@link SharedDeployment}): a test leaves no state in
 * the application that another class relies on being absent.
 */
public abstract class CuadraDeployment {

    /**
     * Each deployment has its own name: redeploying the same name while Payara is still
     * removing the previous deployment fails now and then ("File source doesn't exist"). The
     * name carries the run's port base too: Payara keeps an uploaded archive in the temp directory under
     * its own name, so two test runs on one machine (other port bases) uploading "cuadra-1.ear" at the same
     * time remove each other's file and fail the same way.
     */
    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    @Deployment(testable = false, name = "cuadra")
    public static EnterpriseArchive cuadraEar() {
        File ear = new File(System.getProperty("cuadra.ear"));
        return ShrinkWrap.create(ZipImporter.class, SHARED_PREFIX + TestEnvironment.portBase() + "-"
                        + DEPLOYMENTS.incrementAndGet() + ".ear")
                .importFrom(ear).as(EnterpriseArchive.class);
    }

    private static final String SHARED_PREFIX = "cuadra-";

    /** Whether this is the plain EAR, which {@link SharedDeployment} deploys once for all the classes using it. */
    static boolean isShared(Archive<?> archive) {
        return archive.getName().startsWith(SHARED_PREFIX + TestEnvironment.portBase() + "-");
    }

    protected static Http http() {
        return new Http(TestEnvironment.baseUrl());
    }
}
