package io.cuadra.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/**
 * The deployment of every Arquillian test: the EAR the build produced, unchanged. Tests act as
 * clients of the running application (HTTP, browser) and read the database directly to check
 * what was stored.
 */
public abstract class CuadraDeployment {

    @Deployment(testable = false, name = "cuadra")
    public static EnterpriseArchive cuadraEar() {
        File ear = new File(System.getProperty("cuadra.ear"));
        return ShrinkWrap.create(ZipImporter.class, "cuadra.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    protected static Http http() {
        return new Http(TestEnvironment.baseUrl());
    }
}
