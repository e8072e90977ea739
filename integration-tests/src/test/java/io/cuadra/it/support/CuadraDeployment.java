package io.cuadra.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deployment of every Arquillian test: the EAR the build produced, unchanged. Tests act as
 * clients of the running application (HTTP, browser) and read the database directly to check
 * what was stored.
 */
public abstract class CuadraDeployment {

    /**
     * Each test class deploys under its own name: redeploying the same name while Payara is still
     * removing the previous class's deployment fails now and then ("File source doesn't exist"). The
     * name carries the run's port base too: Payara keeps an uploaded archive in the temp directory under
     * its own name, so two test runs on one machine (other port bases) uploading "cuadra-1.ear" at the same
     * time remove each other's file and fail the same way.
     */
    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    @Deployment(testable = false, name = "cuadra")
    public static EnterpriseArchive cuadraEar() {
        File ear = new File(System.getProperty("cuadra.ear"));
        return ShrinkWrap.create(ZipImporter.class, "cuadra-" + TestEnvironment.portBase() + "-"
                        + DEPLOYMENTS.incrementAndGet() + ".ear")
                .importFrom(ear).as(EnterpriseArchive.class);
    }

    protected static Http http() {
        return new Http(TestEnvironment.baseUrl());
    }
}
